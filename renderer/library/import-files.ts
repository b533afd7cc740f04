import { MAX_IMPORT_BYTES, oversizeReason } from '../../main/common/import-limits';
import type { MenuImport, OpError, OpResult } from '../../main/common/contract';
import type { ImportOutcome } from '../../main/common/records';
import type { AppApi } from '../api/client';

/** What the file picker offers; the importer itself decides what it can read. */
export const IMPORT_ACCEPT =
  '.html,.htm,.xhtml,.md,.markdown,.txt,.pdf,.epub,.qdpx,text/html,text/markdown,text/plain,application/pdf,application/epub+zip';
/** What may replace a document with a newer version: a page, a text or a book (a PDF's newer version is not read yet). */
export const REPLACE_ACCEPT = '.html,.htm,.xhtml,.md,.markdown,.txt,.epub,.pdf,text/html,text/markdown,text/plain,application/epub+zip,application/pdf';
/** A PDF's newer version is a PDF (the core refuses anything else: its pages and areas would have nowhere to go). */
export const PDF_ACCEPT = '.pdf,application/pdf';

// documents.import takes at most 200 files per call. Calls are kept to about a megabyte so that no
// IPC message or HTTP body holds a folder of books; a larger file goes alone.
const MAX_FILES_PER_CALL = 200;
const MAX_BASE64_PER_CALL = 1024 * 1024;
// String.fromCharCode(...chunk) passes every byte as an argument; keep well under the engine's limit.
const BASE64_CHUNK_BYTES = 0x8000;

/** A refusal the person can answer with a password: an encrypted PDF. */
export type PasswordRefusal = Extract<ImportOutcome, { status: 'refused' }> & { password: 'needed' | 'wrong' };

/** An encrypted file as chosen, kept so it can be sent again with its password. */
export interface LockedUpload {
  file: File;
  refusal: PasswordRefusal;
}

export type ImportRun = (
  | { ok: true; outcomes: ImportOutcome[]; /** Files left unsent because the import was cancelled. */ cancelled: number }
  | { ok: false; error: OpError; outcomes: ImportOutcome[] }
) & {
  /** The files among `outcomes` refused for want of a password. */
  locked: LockedUpload[];
};

export const needsPassword = (outcome: ImportOutcome): outcome is PasswordRefusal => outcome.status === 'refused' && outcome.password !== undefined;

/**
 * The encrypted PDFs of an import made from the desktop app's File menu, as files chosen here:
 * the shell sends their bytes along, so their passwords are asked for as any other's.
 */
export function lockedFromMenu({ outcomes, locked }: MenuImport): LockedUpload[] {
  return locked.flatMap(({ outcome: index, name, base64 }) => {
    const refusal = outcomes[index];
    if (!refusal || !needsPassword(refusal)) return [];
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return [{ file: new File([bytes], name, { type: 'application/pdf' }), refusal }];
  });
}

export interface ImportProgress {
  /** Files with an outcome so far. */
  done: number;
  total: number;
  /** The file being imported now (the first of those on their way). */
  current: string | null;
}

export interface ImportOptions {
  onProgress?(progress: ImportProgress): void;
  /** Aborted: no further file is sent; those already imported stay. */
  signal?: AbortSignal;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK_BYTES) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + BASE64_CHUNK_BYTES)));
  }
  return btoa(parts.join(''));
}

interface PendingFile {
  /** Where the file stands in the user's choice, so outcomes come back in that order. */
  position: number;
  name: string;
  base64: string;
}

/**
 * Reads and imports the chosen files, a batch at a time, and returns one outcome per file in the
 * order they were chosen. Files the app cannot send are refused here with the core's wording.
 * Progress is the library's own, file by file inside each batch; a cancel stops the batch under
 * way at its next file and sends no more. If a call fails, the outcomes so far come back with its
 * error and the rest are not sent.
 */
export async function importFiles(api: Pick<AppApi, 'call'>, files: readonly File[], options: ImportOptions = {}): Promise<ImportRun> {
  const outcomes: (ImportOutcome | undefined)[] = [];
  const locked: LockedUpload[] = [];
  let batch: PendingFile[] = [];
  let batchSize = 0;
  let lastReport = '';
  const settled = () => outcomes.filter((outcome): outcome is ImportOutcome => outcome !== undefined);
  const report = (done: number, current: string | null) => {
    const progress = { done, total: files.length, current };
    if (JSON.stringify(progress) === lastReport) return;
    lastReport = JSON.stringify(progress);
    options.onProgress?.(progress);
  };
  const cancelled = () => ({ ok: true as const, outcomes: settled(), cancelled: files.length - settled().length, locked });

  const send = async (): Promise<OpError | null> => {
    if (batch.length === 0) return null;
    const sent = batch;
    batch = [];
    batchSize = 0;
    const before = settled().length;
    report(before, sent[0]!.name);
    const result = await api.call(
      'documents.import',
      { files: sent.map(({ name, base64 }) => ({ name, base64 })) },
      { signal: options.signal, onProgress: ({ done }) => report(before + done, sent[done]?.name ?? null) },
    );
    if (!result.ok) return result.error;
    // A file the library did not reach before the cancel has no outcome: it counts as not sent.
    sent.forEach((file, index) => {
      const outcome = result.value[index];
      if (outcome && outcome.status !== 'cancelled') outcomes[file.position] = outcome;
      if (outcome && needsPassword(outcome)) locked.push({ file: files[file.position]!, refusal: outcome });
    });
    report(settled().length, null);
    return null;
  };

  for (const [position, file] of files.entries()) {
    if (options.signal?.aborted) return cancelled();
    // Refused before reading, so a 100 MB file never has to be loaded and sent to be turned away.
    if (file.size > MAX_IMPORT_BYTES) {
      outcomes[position] = refused(file.name, oversizeReason(file.size));
      continue;
    }
    let base64: string;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      outcomes[position] = refused(file.name, 'the file could not be read');
      continue;
    }
    if (batch.length >= MAX_FILES_PER_CALL || (batch.length > 0 && batchSize + base64.length > MAX_BASE64_PER_CALL)) {
      const error = await send();
      if (error) return { ok: false, error, outcomes: settled(), locked };
      if (options.signal?.aborted) return cancelled();
    }
    batch.push({ position, name: file.name, base64 });
    batchSize += base64.length;
  }
  if (options.signal?.aborted) return cancelled();
  const error = await send();
  if (error) return { ok: false, error, outcomes: settled(), locked };
  return options.signal?.aborted ? cancelled() : { ok: true, outcomes: settled(), cancelled: 0, locked };
}

/**
 * Sends one encrypted file again with the password the person typed, and answers the library's
 * outcome. The password goes in the call's body only: it is kept nowhere here.
 */
export async function importWithPassword(api: Pick<AppApi, 'call'>, file: File, password: string): Promise<OpResult<ImportOutcome>> {
  let base64: string;
  try {
    base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { ok: true, value: refused(file.name, 'the file could not be read') };
  }
  const result = await api.call('documents.import', { files: [{ name: file.name, base64, password }] });
  if (!result.ok) return result;
  const [outcome] = result.value;
  return outcome ? { ok: true, value: outcome } : { ok: true, value: refused(file.name, 'the library gave no answer for it') };
}

function refused(fileName: string, reason: string): ImportOutcome {
  return { fileName, status: 'refused', message: `${fileName} was not imported: ${reason}.` };
}
