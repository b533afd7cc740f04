import { unzipSync } from 'fflate';
import { MAX_IMPORT_BYTES } from '../../common/import-limits';
import { FieldbookError } from '../errors';

/**
 * A `.qdpx` (REFI-QDA project exchange) is a zip of `project.qde` and the files its sources name,
 * `sources/<name>` for `internal://<name>`. The zip comes from another program, so it is read as
 * hostile: entries are inflated only when asked for, each within a size it declares up front (a
 * zip bomb declares its real size or is cut off at the size it claims), and only by name, never
 * written anywhere.
 */
export const PROJECT_ENTRY = 'project.qde';

/** Far beyond any real project's sources; a central directory claiming more is not one. */
const MAX_ENTRIES = 100_000;
/** project.qde holds codes, selections and notes, not the sources' text: a book-sized one is generous. */
const MAX_PROJECT_BYTES = 64 * 1024 * 1024;
/** Every source's text together: what the import holds in memory before writing it in one go. */
const MAX_SOURCES_BYTES = 256 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface QdpxArchive {
  projectXml: string;
  /**
   * The entries named, inflated; an entry missing from the zip is absent from the answer, and
   * one larger than a document may be is only its size (it is never inflated).
   */
  readEntries(paths: ReadonlySet<string>): Map<string, Uint8Array | { tooLarge: number }>;
}

/** A zip with a project.qde in it, whatever the file is called. */
export function isQdpx(bytes: Uint8Array): boolean {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return false;
  try {
    return entrySizes(bytes).has(PROJECT_ENTRY);
  } catch {
    return false;
  }
}

export function openQdpx(fileName: string, bytes: Uint8Array): QdpxArchive {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) throw refusal(fileName, 'it is not a zip file, as a .qdpx project is');
  let sizes: Map<string, number>;
  try {
    sizes = entrySizes(bytes);
  } catch (error) {
    throw refusal(fileName, `the zip is damaged or cut short (${describe(error)})`);
  }
  const projectSize = sizes.get(PROJECT_ENTRY);
  if (projectSize === undefined) throw refusal(fileName, `it has no ${PROJECT_ENTRY}, so it is not a REFI-QDA project`);
  if (projectSize > MAX_PROJECT_BYTES) throw refusal(fileName, `its ${PROJECT_ENTRY} is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB`);
  const project = inflate(fileName, bytes, new Set([PROJECT_ENTRY])).get(PROJECT_ENTRY)!;
  let projectXml: string;
  try {
    projectXml = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(project);
  } catch {
    throw refusal(fileName, `its ${PROJECT_ENTRY} is not UTF-8 text`);
  }
  return {
    projectXml,
    readEntries(paths) {
      const answer = new Map<string, Uint8Array | { tooLarge: number }>();
      const wanted = new Set<string>();
      let total = 0;
      for (const path of paths) {
        const size = sizes.get(path);
        if (size === undefined) continue;
        if (size > MAX_IMPORT_BYTES) {
          answer.set(path, { tooLarge: size });
          continue;
        }
        total += size;
        wanted.add(path);
      }
      if (total > MAX_SOURCES_BYTES) {
        throw refusal(fileName, `its sources' text comes to more than ${MAX_SOURCES_BYTES / 1024 / 1024} MB; split the project`);
      }
      for (const [path, entry] of inflate(fileName, bytes, wanted)) answer.set(path, entry);
      return answer;
    },
  };
}

/** Refused with nothing added; the message names the file, as an import's refusals do. */
export function refusal(fileName: string, reason: string): FieldbookError {
  return new FieldbookError('refused', `${fileName} was not imported: ${reason}. Nothing was added to the library.`);
}

/** Name → inflated size, as the central directory declares them; nothing is inflated. */
function entrySizes(bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  unzipSync(bytes, {
    filter: (entry) => {
      if (sizes.size >= MAX_ENTRIES) throw new Error(`more than ${MAX_ENTRIES} entries`);
      sizes.set(entry.name, entry.originalSize);
      return false;
    },
  });
  return sizes;
}

/**
 * fflate inflates each entry into a buffer of the size the directory declares, so an entry can
 * never grow past the size that was checked; one whose data is damaged throws.
 */
function inflate(fileName: string, bytes: Uint8Array, paths: ReadonlySet<string>): Map<string, Uint8Array> {
  try {
    return new Map(Object.entries(unzipSync(bytes, { filter: (entry) => paths.has(entry.name) })));
  } catch (error) {
    throw refusal(fileName, `the zip is damaged or cut short (${describe(error)})`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
