import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FieldbookError } from '../errors';
import { assertNotBrokenLink } from './export-destination';
import { isLeftoverName, removeLeftovers, safeRelativeParts, writeFileAtomically, type FileContent } from './write-atomically';

/**
 * Writing exports to disk without ever losing a file Fieldbook did not write. A folder export
 * (the Obsidian vault) records what it wrote in a manifest; a later export into the same folder
 * replaces and removes only those files, and only while they still hold what Fieldbook wrote.
 */
export const EXPORT_MANIFEST = '.fieldbook-export.json';
/** Where a folder export goes inside a folder that already holds someone's files (an existing Obsidian vault). */
export const EXPORT_SUBFOLDER = 'Fieldbook';

/** A single-file export, written atomically; what an interrupted earlier run left behind goes first. */
export function writeExportFile(file: string, content: FileContent): void {
  const base = path.basename(file);
  removeLeftovers(path.dirname(file), (entry) => isLeftoverName(entry, (name) => name === base));
  writeFileAtomically(file, content);
}

export interface FolderExportReport {
  /** The folder the files are in: the one asked for, or its Fieldbook subfolder. */
  folder: string;
  /** True when the folder asked for held other files, so the export went into its Fieldbook subfolder. */
  intoSubfolder: boolean;
  written: number;
  unchanged: number;
  /** Files an earlier export wrote that this one no longer has. */
  removed: number;
  /** Files an earlier export wrote that this one does not hold but leaves in place (see `keep`). */
  kept: number;
}

interface Manifest {
  fieldbook: 'export';
  version: 1;
  format: string;
  /** Each file's path, and the SHA-256 of every content it may hold (two while an update is under way). */
  files: Record<string, string[]>;
}

interface PlannedFile {
  path: string;
  destination: string;
  content: string | Uint8Array;
  hash: string;
  /** The hashes the file at destination may have as ours; empty when nothing is there. */
  previous: string[];
  unchanged: boolean;
}

/**
 * Writes a folder export into `requested`: a new or empty folder, a folder an earlier Fieldbook
 * export of the same kind wrote (updated in place), or else its Fieldbook subfolder. Each file is
 * written atomically. Nothing is written if any file in the way is not Fieldbook's unchanged
 * work, and the manifest is written first with both old and new contents, so an interrupted
 * update is still recognised as Fieldbook's own on the next run.
 */
export function writeExportFolder(
  requested: string,
  format: string,
  files: Iterable<{ path: string; content: string | Uint8Array }>,
  /** Throws to refuse the folder chosen, before anything is written (the library's own folders). */
  refuseFolder: (folder: string) => void = () => {},
  /**
   * Of the files an earlier export wrote and this one leaves out, those to leave in place (and
   * still count as Fieldbook's): a vault that names its PDFs keeps the copies a full one wrote.
   */
  keep: (relative: string, hashes: readonly string[]) => boolean = () => false,
): FolderExportReport {
  const { folder, manifest, intoSubfolder } = chooseFolder(path.resolve(requested), format);
  refuseFolder(folder);
  const plan = planFiles(folder, manifest, files);
  // Compared as written: on a file system that tells case apart, `gao.md` is another file than `Gao.md`.
  const newPaths = new Set(plan.map((file) => file.path));
  const left = Object.entries(manifest?.files ?? {}).filter(([relative]) => !newPaths.has(relative));
  const kept = left.filter(([relative, hashes]) => keep(relative, hashes));
  const stale = left
    .filter(([relative, hashes]) => !keep(relative, hashes))
    .map(([relative, hashes]) => ({ relative, parts: safeRelativeParts(relative), hashes }))
    .filter(({ parts, hashes }) => holdsOneOf(folder, parts, hashes))
    .map(({ relative, parts, hashes }) => ({ relative, parts, destination: path.join(folder, ...parts), hashes }));

  cleanLeftovers(folder, [...plan.map((f) => f.destination), ...stale.map((s) => s.destination)]);
  fs.mkdirSync(folder, { recursive: true });
  const pending: Manifest = { fieldbook: 'export', version: 1, format, files: {} };
  for (const file of plan) pending.files[file.path] = [...new Set([...file.previous, file.hash])];
  for (const { relative, hashes } of stale) pending.files[relative] = hashes;
  for (const [relative, hashes] of kept) pending.files[relative] = hashes;
  writeManifest(folder, pending);

  let written = 0;
  for (const file of plan) {
    if (file.unchanged) continue;
    writeOwnFile(folder, file);
    written++;
  }
  // Where case is ignored, an old name that differs from a new one only in case is the new file.
  const writtenByFoldedPath = new Map(plan.map((file) => [file.path.toLowerCase(), file.destination]));
  let removed = 0;
  for (const { relative, parts, destination, hashes } of stale) {
    const twin = writtenByFoldedPath.get(relative.toLowerCase());
    if (twin !== undefined && isSameFile(twin, destination)) continue;
    // Looked at again: the user may have edited it, or put a link in the way, while the export ran.
    if (!holdsOneOf(folder, parts, hashes)) continue;
    fs.rmSync(destination, { force: true });
    removed++;
  }
  const owned = Object.fromEntries([...plan.map((f) => [f.path, [f.hash]] as const), ...kept]);
  writeManifest(folder, { fieldbook: 'export', version: 1, format, files: owned });
  return { folder, intoSubfolder, written, unchanged: plan.length - written, removed, kept: kept.length };
}

/**
 * Writes one planned file, making sure once more, at the last moment, that what is there is still
 * Fieldbook's: a file created meanwhile (Obsidian saving a note, a sync) is never replaced, and
 * one edited meanwhile is caught too, bar the instant between this check and the rename.
 */
function writeOwnFile(folder: string, file: PlannedFile): void {
  const changed = () =>
    new FieldbookError('refused', `${file.path} appeared or changed in ${folder} while the export was written, so the export stopped and left it as it is; move it away and export again.`);
  const current = file.previous.length === 0 ? 'absent' : currentHash(folder, safeRelativeParts(file.path));
  if (current === 'absent') {
    try {
      writeFileAtomically(file.destination, file.content, { replace: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw changed();
      throw error;
    }
    return;
  }
  if (current === 'foreign' || !file.previous.includes(current)) throw changed();
  writeFileAtomically(file.destination, file.content);
}

function chooseFolder(requested: string, format: string): { folder: string; manifest: Manifest | null; intoSubfolder: boolean } {
  const own = usableFolder(requested, format);
  if (own) return { ...own, intoSubfolder: false };
  const subfolder = path.join(requested, EXPORT_SUBFOLDER);
  const inside = usableFolder(subfolder, format);
  if (inside) return { ...inside, intoSubfolder: true };
  throw new FieldbookError(
    'refused',
    `${requested} holds files Fieldbook did not write, and so does ${subfolder}; nothing was written. Choose an empty folder or an earlier Fieldbook export.`,
  );
}

/** A folder an export may write into: missing, empty, or an earlier export of the same kind. */
function usableFolder(folder: string, format: string): { folder: string; manifest: Manifest | null } | null {
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!stat) return { folder, manifest: null };
  if (stat.isSymbolicLink()) {
    assertNotBrokenLink(folder);
    return usableFolder(fs.realpathSync.native(folder), format);
  }
  if (!stat.isDirectory()) {
    throw new FieldbookError('refused', `${folder} is a file, not a folder; the export was not written. Choose a folder.`);
  }
  const manifest = readManifest(folder);
  if (manifest && manifest.format === format) return { folder, manifest };
  if (!manifest && fs.readdirSync(folder).every((entry) => SYSTEM_LITTER.has(entry))) return { folder, manifest: null };
  return null;
}

/** What Finder and Explorer leave in any folder they show: a folder holding only these is empty to its owner. */
const SYSTEM_LITTER = new Set(['.DS_Store', '.localized', 'Thumbs.db', 'desktop.ini']);

function readManifest(folder: string): Manifest | null {
  const file = path.join(folder, EXPORT_MANIFEST);
  if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (parsed.fieldbook !== 'export' || parsed.version !== 1 || typeof parsed.format !== 'string') return null;
    const files: Record<string, string[]> = {};
    for (const [relative, hashes] of Object.entries(parsed.files ?? {})) {
      // A manifest is a file on disk that anyone could edit: it may only name paths inside the folder.
      if (!Array.isArray(hashes) || !isSafeRelative(relative)) continue;
      files[relative] = hashes.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));
    }
    return { fieldbook: 'export', version: 1, format: parsed.format, files };
  } catch {
    return null;
  }
}

function writeManifest(folder: string, manifest: Manifest): void {
  writeFileAtomically(path.join(folder, EXPORT_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}

function planFiles(folder: string, manifest: Manifest | null, files: Iterable<{ path: string; content: string | Uint8Array }>): PlannedFile[] {
  const plan: PlannedFile[] = [];
  const inTheWay: string[] = [];
  // On a file system that ignores case, a title whose case changed is still the file we wrote.
  const earlier = new Map(Object.entries(manifest?.files ?? {}).map(([relative, hashes]) => [relative.toLowerCase(), hashes]));
  for (const file of files) {
    const parts = safeRelativeParts(file.path);
    const relative = parts.join('/');
    if (relative === EXPORT_MANIFEST) throw new Error(`An export may not write its own manifest: ${relative}`);
    const destination = path.join(folder, ...parts);
    const hash = sha256(file.content);
    const previous = manifest?.files[relative] ?? earlier.get(relative.toLowerCase()) ?? [];
    const current = currentHash(folder, parts);
    if (current === 'absent') {
      plan.push({ path: relative, destination, content: file.content, hash, previous: [], unchanged: false });
    } else if (current !== 'foreign' && previous.includes(current)) {
      plan.push({ path: relative, destination, content: file.content, hash, previous, unchanged: current === hash });
    } else {
      inTheWay.push(relative);
    }
  }
  if (inTheWay.length > 0) {
    const shown = inTheWay.slice(0, 3).join(', ') + (inTheWay.length > 3 ? ` and ${inTheWay.length - 3} more` : '');
    throw new FieldbookError(
      'refused',
      `${folder} already has ${shown}, which Fieldbook did not write or which changed since; nothing was written. Move them away or choose another folder.`,
    );
  }
  return plan;
}

/**
 * The hash of what is at folder/parts, 'absent' when nothing is, or 'foreign' when something that
 * cannot be Fieldbook's is in the way: a link, a folder, or a link among the folders above it
 * (writing through it would land outside the export).
 */
function currentHash(folder: string, parts: string[]): string | 'absent' | 'foreign' {
  let at = folder;
  for (const [index, part] of parts.entries()) {
    at = path.join(at, part);
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return 'absent';
    const last = index === parts.length - 1;
    if (last ? !stat.isFile() : !stat.isDirectory()) return 'foreign';
  }
  return sha256(fs.readFileSync(at));
}

/** Whether folder/parts is a file Fieldbook wrote, reached without passing through a link (see currentHash). */
function holdsOneOf(folder: string, parts: string[], hashes: string[]): boolean {
  const current = currentHash(folder, parts);
  return current !== 'absent' && current !== 'foreign' && hashes.includes(current);
}

function isSameFile(a: string, b: string): boolean {
  const first = fs.statSync(a, { throwIfNoEntry: false });
  const second = fs.statSync(b, { throwIfNoEntry: false });
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}

/** Temporary files an interrupted run left beside the files this run writes, and only those. */
function cleanLeftovers(folder: string, destinations: string[]): void {
  const basesByFolder = new Map<string, Set<string>>([[folder, new Set([EXPORT_MANIFEST])]]);
  for (const destination of destinations) {
    const dir = path.dirname(destination);
    const bases = basesByFolder.get(dir) ?? new Set<string>();
    bases.add(path.basename(destination));
    basesByFolder.set(dir, bases);
  }
  for (const [dir, bases] of basesByFolder) removeLeftovers(dir, (entry) => isLeftoverName(entry, (base) => bases.has(base)));
  // Earlier versions built the whole folder beside it (`.NAME.hex.tmp`) and moved the previous one aside (`.NAME.hex.old`).
  const name = path.basename(folder);
  removeLeftovers(path.dirname(folder), (entry) => isLeftoverName(entry, (base) => base === name, ['tmp', 'old']));
}

function isSafeRelative(relative: string): boolean {
  try {
    return safeRelativeParts(relative).join('/') === relative && relative !== EXPORT_MANIFEST;
  } catch {
    return false;
  }
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');
