/**
 * The contract between Fieldbook's core and every caller (the UI over IPC or HTTP, the command
 * line). Inputs are zod schemas, checked at the door by main/ops.ts; outputs are plain types.
 * This file imports nothing from Node, so the renderer can import it too.
 */
import { z } from 'zod';

const Id = z.number({ error: 'An id must be a number.' }).int('An id must be a whole number.').positive('An id must be positive.');

/** A file as the UI or the command line hands it over: its name and its bytes, base64-encoded. */
const UploadedFile = z
  .object({
    name: z.string().min(1, 'A file needs a name.').max(1024),
    base64: z.string().max(40 * 1024 * 1024, 'The file is too large to send.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file contents must be base64.'),
  })
  .strict();

export const opInputs = {
  'documents.list': z.object({}).strict(),
  'documents.get': z.object({ id: Id }).strict(),
  'documents.import': z
    .object({ files: z.array(UploadedFile).min(1, 'Choose at least one file.').max(200, 'Import at most 200 files at once.') })
    .strict(),
} as const;

export type OpName = keyof typeof opInputs;
export type OpInput<N extends OpName> = z.input<(typeof opInputs)[N]>;
export type ParsedOpInput<N extends OpName> = z.output<(typeof opInputs)[N]>;

export interface DocumentSummary {
  id: number;
  uid: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  format: 'html' | 'markdown' | 'text';
  wordCount: number;
  importedAt: string;
  updatedAt: string;
}

export interface DocumentFull extends DocumentSummary {
  /** Sanitised at import; its textContent is exactly `text`. */
  html: string;
  /** The normalised plain text that selectors and search count in. */
  text: string;
}

export type ImportOutcome =
  | { fileName: string; status: 'imported'; document: DocumentSummary }
  | { fileName: string; status: 'duplicate'; document: DocumentSummary; message: string }
  | { fileName: string; status: 'refused'; message: string };

export interface OpOutputs {
  'documents.list': DocumentSummary[];
  'documents.get': DocumentFull;
  'documents.import': ImportOutcome[];
}

export type OpErrorCode = 'invalid_input' | 'unknown_op' | 'not_found' | 'conflict' | 'refused' | 'library_unavailable' | 'internal';
export interface OpError {
  code: OpErrorCode;
  message: string;
}
export type OpResult<T> = { ok: true; value: T } | { ok: false; error: OpError };

/** What the preload exposes as window.fieldbook and what the browser host's client implements. */
export interface FieldbookApi {
  call<N extends OpName>(name: N, input: OpInput<N>): Promise<OpResult<OpOutputs[N]>>;
}

export const OP_NAMES = Object.keys(opInputs) as OpName[];
export const isOpName = (name: unknown): name is OpName => typeof name === 'string' && Object.hasOwn(opInputs, name);
