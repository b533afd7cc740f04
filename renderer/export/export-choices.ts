import type { OpResult } from '../../main/common/contract';
import { describeReference } from '../../main/common/file-references';
import { describeCounts } from '../../main/common/restore-counts';
import type { ArchivedFileReference, OriginalFiles, RestoreReport } from '../../main/common/records';
import { api, type LongCallOptions } from '../api/client';
import { bytesToBase64 } from '../library/import-files';
import type { ActionOutcome, ExportChoice, ExportSetting } from './ExportMenu';

export function documentExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Annotations as Markdown', run: () => api.call('export.documentMarkdown', { id }) },
    { label: 'Annotations as HTML', run: () => api.call('export.documentHtml', { id }) },
    { label: 'Annotations as W3C Web Annotation (JSON-LD)', run: () => api.call('export.webAnnotations', { documentId: id }) },
    { label: 'Highlights as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'document', documentId: id } }) },
  ];
}

export function noteExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Note as Markdown', run: () => api.call('export.noteMarkdown', { id }) },
    { label: 'Note as HTML', run: () => api.call('export.noteHtml', { id }) },
  ];
}

export function actorExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Actor file as Markdown', run: () => api.call('export.actorMarkdown', { id }) },
    { label: 'Passages as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'actor', actorId: id } }) },
  ];
}

/** `originals`: whether the vault and the archive carry the PDFs and EPUBs or only name them, which the menu's setting toggles. */
export function libraryExportChoices(originals: OriginalFiles, setOriginals: (originals: OriginalFiles) => void): Array<ExportChoice | ExportSetting> {
  return [
    { label: 'Obsidian vault (.zip)', run: () => api.call('export.vault', { originals }) },
    { label: 'Library archive (JSON)', long: true, run: (options) => api.call('export.archive', { originals }, options) },
    {
      label: 'Without PDF and EPUB files (vault, archive)',
      checked: originals === 'refer',
      toggle: () => setOriginals(originals === 'refer' ? 'include' : 'refer'),
    },
    { label: 'All annotations (W3C JSON-LD)', run: () => api.call('export.webAnnotations', {}) },
    { label: 'All highlights as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'library' } }) },
    { label: 'REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA', run: () => api.call('export.qdpx', {}) },
    { label: 'Codebook (REFI-QDA .qdc)', run: () => api.call('export.qdc', {}) },
    {
      label: 'Back up now',
      act: async () => {
        const result = await api.call('backup.now', {});
        return result.ok ? { ok: true, value: { message: `Backed up to ${result.value.name}.` } } : result;
      },
    },
    {
      label: 'Restore from archive…',
      long: true,
      act: async (options) => {
        const [file] = await chooseFiles('.json,application/json');
        if (!file) return NOTHING_RESTORED;
        return restoreArchive(file.name, await file.text(), [], options);
      },
    },
  ];
}

const NOTHING_RESTORED: OpResult<ActionOutcome> = { ok: true, value: { message: 'Nothing was restored.' } };

type GivenFile = { name: string; base64: string };

/**
 * Restores an archive; one that names PDFs or EPUBs without carrying them asks for those files,
 * and is tried again with every one of them given so far, until it has them all or the person stops.
 */
async function restoreArchive(name: string, json: string, given: GivenFile[], options: LongCallOptions): Promise<OpResult<ActionOutcome>> {
  const result = await api.call('library.restoreArchive', given.length > 0 ? { json, files: given } : { json }, options);
  if (!result.ok) return result;
  const answer = result.value;
  if (!('filesNeeded' in answer)) return { ok: true, value: { message: describeRestore(name, answer) } };
  return askForFiles(name, json, given, answer.filesNeeded, given.length > 0);
}

/** How many of the files still needed the message names; a screen reader reads it all out. */
const NAMED_AT_MOST = 5;

/** `chosen`: the person has chosen files already, and these were not among them. */
function askForFiles(name: string, json: string, given: GivenFile[], needed: ArchivedFileReference[], chosen: boolean): OpResult<ActionOutcome> {
  const them = needed.length === 1 ? 'it' : 'them';
  const named = needed.slice(0, NAMED_AT_MOST).map(describeReference).join(', ');
  const files = needed.length > NAMED_AT_MOST ? `${named} and ${needed.length - NAMED_AT_MOST} more` : named;
  const message = chosen
    ? `Nothing was restored yet: the files chosen did not include ${files}. Choose ${them} to restore ${name}.`
    : `Nothing was restored yet: ${name} names ${needed.length === 1 ? 'a file' : `${needed.length} files`} it does not carry: ${files}. Choose ${them} to restore the archive.`;
  return {
    ok: true,
    value: {
      message,
      next: {
        label: needed.length === 1 ? 'Choose the file…' : `Choose the ${needed.length} files…`,
        long: true,
        act: async (next) => {
          const files = await chooseFiles('.pdf,.epub,application/pdf,application/epub+zip', true);
          if (files.length === 0) return NOTHING_RESTORED;
          // Only the files asked for cross to the library: a folder's worth of others would be sent for nothing.
          const meeting = await filesMeeting(needed, files);
          if (meeting.length === 0) return askForFiles(name, json, given, needed, true);
          return restoreArchive(name, json, [...given, ...meeting], next);
        },
      },
    },
  };
}

/** The chosen files that are ones the archive names: of a size it names, then with a SHA-256 it names, each once. */
async function filesMeeting(needed: readonly ArchivedFileReference[], chosen: readonly File[]): Promise<GivenFile[]> {
  const sizes = new Set(needed.map((file) => file.byteSize));
  const wanted = new Set(needed.map((file) => file.sha256));
  const meeting: GivenFile[] = [];
  for (const file of chosen) {
    if (!sizes.has(file.size)) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    if (!wanted.delete(sha256)) continue;
    meeting.push({ name: file.name, base64: bytesToBase64(bytes) });
  }
  return meeting;
}

/** The menu item's (or button's) click is the user gesture that lets a page open the file chooser. */
function chooseFiles(accept: string, multiple = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

function describeRestore(fileName: string, report: RestoreReport): string {
  const added = describeCounts(report.added, { nonZero: true });
  const conflicts = report.conflicts.length;
  return (
    `Restored ${fileName}: ${added ? `added ${added}` : 'nothing new to add'}` +
    (conflicts > 0 ? `; ${conflicts} conflict${conflicts === 1 ? '' : 's'} kept the library’s version.` : '.')
  );
}

