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

export const HIGHLIGHT_COLOURS = ['yellow', 'red', 'green', 'blue', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
const Colour = z.enum(HIGHLIGHT_COLOURS, { error: `A highlight colour is one of ${HIGHLIGHT_COLOURS.join(', ')}.` });
const Offset = z.number().int('An offset must be a whole number.').nonnegative('An offset cannot be negative.');

export const opInputs = {
  'documents.list': z.object({}).strict(),
  'documents.get': z.object({ id: Id }).strict(),
  'documents.import': z
    .object({ files: z.array(UploadedFile).min(1, 'Choose at least one file.').max(200, 'Import at most 200 files at once.') })
    .strict(),
  'documents.replace': z.object({ id: Id, file: UploadedFile }).strict(),
  'highlights.list': z.object({ documentId: Id }).strict(),
  'highlights.create': z
    .object({ documentId: Id, start: Offset, end: Offset, colour: Colour, comment: z.string().max(20_000).optional() })
    .strict()
    .refine((h) => h.end > h.start, { message: 'A highlight must cover at least one character.', path: ['end'] }),
  'highlights.update': z
    .object({ id: Id, colour: Colour.optional(), comment: z.string().max(20_000, 'A comment can be at most 20,000 characters.').optional() })
    .strict(),
  'highlights.delete': z.object({ id: Id }).strict(),
  'highlights.restore': z.object({ id: Id }).strict(),
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

export interface Highlight {
  id: number;
  uid: string;
  documentId: number;
  /** Where the highlight sits in the document's text now; meaningless when orphaned. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: 'exact' | 'approximate' | 'orphaned';
  colour: HighlightColour;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReplaceReport {
  document: DocumentSummary;
  exact: number;
  approximate: number;
  orphaned: number;
}

export type ImportOutcome =
  | { fileName: string; status: 'imported'; document: DocumentSummary }
  | { fileName: string; status: 'duplicate'; document: DocumentSummary; message: string }
  | { fileName: string; status: 'refused'; message: string };

export interface OpOutputs {
  'documents.list': DocumentSummary[];
  'documents.get': DocumentFull;
  'documents.import': ImportOutcome[];
  'documents.replace': ReplaceReport;
  /** In reading order; orphans (which have no place) last. */
  'highlights.list': Highlight[];
  'highlights.create': Highlight;
  'highlights.update': Highlight;
  'highlights.delete': Highlight;
  'highlights.restore': Highlight;
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
  /**
   * Electron only: outcomes of an import started from the app menu (File > Import…), which the
   * shell runs through the same table. Returns a function that stops listening.
   */
  onMenuImport?(listener: (outcomes: ImportOutcome[]) => void): () => void;
}

export const OP_NAMES = Object.keys(opInputs) as OpName[];
export const isOpName = (name: unknown): name is OpName => typeof name === 'string' && Object.hasOwn(opInputs, name);
