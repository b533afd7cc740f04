/**
 * The contract between Fieldbook's core and every caller (the UI over IPC or HTTP, the command
 * line). Inputs are zod schemas, checked at the door by main/ops.ts; outputs are plain types.
 * This file imports nothing from Node, so the renderer can import it too.
 */
import { z } from 'zod';

/**
 * The largest file Fieldbook imports. Part of the contract so the UI and the command line can
 * refuse a larger file before sending it, in the core's own words.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Why a file of this size is refused, e.g. "the file is 100 MB, over the 20 MB limit". */
export function oversizeReason(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as equal to it.
  const megabytes = (n: number) => {
    const tenths = Math.ceil((n / (1024 * 1024)) * 10) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
  };
  return `the file is ${megabytes(bytes)}, over the ${megabytes(MAX_IMPORT_BYTES)} limit`;
}

/**
 * What a stored document's HTML may hold: tags and attributes for reading, and nothing that runs
 * or loads. The core sanitises to it at import; the renderer sanitises to it again before showing.
 */
export const DOCUMENT_TAGS: readonly string[] = [
  'a', 'abbr', 'article', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];
export const DOCUMENT_ATTRIBUTES: readonly string[] = ['href', 'title', 'alt', 'src', 'id', 'lang', 'dir', 'colspan', 'rowspan', 'datetime'];
/** Links a person may follow (after the app asks); anything else loses its href. */
export const SAFE_LINK = /^(https?:|mailto:|#)/i;
/** The only images a document keeps are inline ones: a remote image would reach the network. */
export const SAFE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

/**
 * The one rule for ids, at every door: the operations' inputs, the ids inside a note's body and
 * the rows of an archive. A safe integer, because a larger one is stored by SQLite as a float
 * and read back as a different number, and an archive holding one could never be restored.
 */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const Id = z
  .number({ error: 'An id must be a number.' })
  .refine((n) => Number.isInteger(n), 'An id must be a whole number.')
  .refine((n) => n > 0, 'An id must be positive.')
  .refine(isId, 'An id can be at most 9007199254740991.');

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

export const ACTOR_KINDS = ['person', 'group', 'state', 'place', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_COLOURS = ['#b4541a', '#2f6f9f', '#7a4a9e', '#2e7d4f', '#a3364a', '#8a6d1f', '#3f6b6b', '#5b5f97'] as const;
const ActorName = z.string().trim().min(1, 'An actor needs a name.').max(200, 'An actor’s name can be at most 200 characters.');
const ActorFields = {
  kind: z.enum(ACTOR_KINDS, { error: `An actor’s kind is one of ${ACTOR_KINDS.join(', ')}.` }),
  aliases: z.array(ActorName).max(100, 'An actor can have at most 100 aliases.'),
  description: z.string().max(5_000, 'A description can be at most 5,000 characters.'),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour is written #rrggbb.'),
};

/**
 * Fieldbook's own Lexical nodes, as they appear in a note's serialized state. The core reads
 * them to keep the note's links (and so every backlink) true; the renderer's node classes write them.
 */
export const NOTE_LINK_NODE = 'fb-note-link'; // { noteId, title }: title as it was when linked
export const ACTOR_MENTION_NODE = 'fb-actor-mention'; // { actorId, name }
export const HIGHLIGHT_QUOTE_NODE = 'fb-highlight-quote'; // { highlightId, documentId, documentTitle, quote }

/** The ids each of Fieldbook's nodes holds, by field, and what kind of row each names. */
export const NODE_REFERENCES: Readonly<Record<string, Readonly<Record<string, 'note' | 'highlight' | 'actor' | 'document'>>>> = {
  [NOTE_LINK_NODE]: { noteId: 'note' },
  [ACTOR_MENTION_NODE]: { actorId: 'actor' },
  [HIGHLIGHT_QUOTE_NODE]: { highlightId: 'highlight', documentId: 'document' },
};

/**
 * The field of one of Fieldbook's nodes whose id breaks the rule, if any. Absent, null or 0 is
 * a reference to nothing (a link whose target is gone, as the editor and a merging restore write it).
 */
export function badNodeReference(node: { type?: unknown; [field: string]: unknown }): string | null {
  const fields = typeof node.type === 'string' && Object.hasOwn(NODE_REFERENCES, node.type) ? NODE_REFERENCES[node.type]! : {};
  for (const field of Object.keys(fields)) {
    const value = node[field];
    if (value !== undefined && value !== null && value !== 0 && !isId(value)) return field;
  }
  return null;
}

const LexicalNodeJson: z.ZodType<{ type: string; children?: unknown[] }> = z.lazy(() =>
  z.looseObject({ type: z.string().min(1), children: z.array(LexicalNodeJson).optional() }).superRefine((node, ctx) => {
    const field = badNodeReference(node);
    if (field) ctx.addIssue({ code: 'custom', path: [field], message: `The ${field} of a ${node.type} node must be a whole number from 1 to 9007199254740991.` });
  }),
);
/** Its size (at most MAX_NOTE_BYTES) is checked where it is serialised for storage, to serialise it once. */
export const LexicalState = z.looseObject({ root: z.looseObject({ type: z.literal('root'), children: z.array(LexicalNodeJson) }) });
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export type NoteBody = z.output<typeof LexicalState>;

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
  'highlights.tag': z.object({ highlightId: Id, actorId: Id }).strict(),
  'highlights.untag': z.object({ highlightId: Id, actorId: Id }).strict(),
  'actors.list': z.object({}).strict(),
  'actors.create': z
    .object({
      name: ActorName,
      kind: ActorFields.kind,
      aliases: ActorFields.aliases.optional(),
      description: ActorFields.description.optional(),
      colour: ActorFields.colour.optional(),
    })
    .strict(),
  'actors.update': z
    .object({
      id: Id,
      name: ActorName.optional(),
      kind: ActorFields.kind.optional(),
      aliases: ActorFields.aliases.optional(),
      description: ActorFields.description.optional(),
      colour: ActorFields.colour.optional(),
    })
    .strict(),
  'actors.delete': z.object({ id: Id }).strict(),
  'actors.merge': z
    .object({ keepId: Id, mergeId: Id })
    .strict()
    .refine((m) => m.keepId !== m.mergeId, { message: 'An actor cannot be merged into itself.', path: ['mergeId'] }),
  'actors.page': z.object({ id: Id }).strict(),
  'actors.mentions': z.object({ documentId: Id }).strict(),
  'actors.acceptMentions': z
    .object({
      documentId: Id,
      actorId: Id,
      /** Omitted: every mention of the actor in the document. */
      ranges: z.array(z.object({ start: Offset, end: Offset }).strict()).max(10_000).optional(),
      colour: Colour.optional(),
    })
    .strict(),
  'notes.list': z.object({}).strict(),
  'notes.get': z.object({ id: Id }).strict(),
  'notes.create': z.object({ title: z.string().max(500, 'A note title can be at most 500 characters.').optional() }).strict(),
  'notes.save': z
    .object({
      id: Id,
      title: z.string().max(500, 'A note title can be at most 500 characters.'),
      /** Lexical's serialized editor state, as `editor.getEditorState().toJSON()` returns it. */
      body: LexicalState,
    })
    .strict(),
  'notes.delete': z.object({ id: Id }).strict(),
  'notes.restore': z.object({ id: Id }).strict(),
  /** Backlinks: the notes that link to a note, quote a highlight, mention an actor or cite a document. */
  'notes.linking': z.object({ kind: z.enum(['note', 'highlight', 'actor', 'document']), id: Id }).strict(),
  'search.query': z
    .object({
      query: z.string().max(500, 'A search can be at most 500 characters.'),
      kinds: z.array(z.enum(['document', 'highlight', 'note', 'actor'])).min(1).optional(),
      actorId: Id.optional(),
      colour: Colour.optional(),
      documentId: Id.optional(),
      limit: z.number().int().min(1).max(100).optional(),
    })
    .strict(),
  'search.rebuild': z.object({}).strict(),
  'export.noteMarkdown': z.object({ id: Id }).strict(),
  'export.noteHtml': z.object({ id: Id }).strict(),
  'export.documentMarkdown': z.object({ id: Id }).strict(),
  'export.documentHtml': z.object({ id: Id }).strict(),
  'export.actorMarkdown': z.object({ id: Id }).strict(),
  /** Omit documentId for the whole library. */
  'export.webAnnotations': z.object({ documentId: Id.optional() }).strict(),
  'export.highlightsCsv': z
    .object({
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('library') }).strict(),
        z.object({ kind: z.literal('document'), documentId: Id }).strict(),
        z.object({ kind: z.literal('actor'), actorId: Id }).strict(),
      ]),
      /** A UTF-8 byte-order mark so Excel reads accents right; on unless false. */
      bom: z.boolean().optional(),
    })
    .strict(),
  'export.archive': z.object({}).strict(),
  'export.vault': z.object({}).strict(),
  'library.restoreArchive': z
    .object({ json: z.string().min(1, 'Choose an archive to restore.').max(512 * 1024 * 1024, 'The archive is too large to restore here.') })
    .strict(),
  'backup.now': z.object({}).strict(),
  'backup.list': z.object({}).strict(),
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
  /** Actors the passage is tagged with, by id. */
  actorIds: number[];
  createdAt: string;
  updatedAt: string;
}

export interface Actor {
  id: number;
  uid: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string;
  colour: string;
  /** Live highlights tagged with this actor. */
  tagCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActorMention {
  actorId: number;
  start: number;
  end: number;
  text: string;
  /** A live highlight already covers exactly these words and is tagged with the actor. */
  accepted: boolean;
}

export interface ActorPassage {
  highlight: Highlight;
  documentTitle: string;
}

export interface ActorPage {
  actor: Actor;
  /** Every live passage tagged with the actor, by document then reading order (at most 500). */
  passages: ActorPassage[];
  passageCount: number;
  notes: Array<{ id: number; title: string; updatedAt: string }>;
  cooccurring: Array<{ actor: Pick<Actor, 'id' | 'name' | 'kind' | 'colour'>; count: number }>;
}

export interface NoteSummary {
  id: number;
  uid: string;
  title: string;
  /** The first line of the body's text. */
  excerpt: string;
  createdAt: string;
  updatedAt: string;
}

export interface Note extends NoteSummary {
  /** Lexical's serialized editor state. */
  body: NoteBody;
  bodyText: string;
}

/** A passage with the words that matched marked; plain text pieces, never HTML. */
export type Snippet = Array<{ text: string; mark: boolean }>;

export interface SearchResults {
  documents: Array<{ id: number; title: string; snippet: Snippet; match: { start: number; end: number } | null }>;
  highlights: Array<{ id: number; documentId: number; documentTitle: string; colour: HighlightColour; snippet: Snippet }>;
  notes: Array<{ id: number; title: string; snippet: Snippet }>;
  actors: Array<{ id: number; name: string; kind: ActorKind; colour: string; snippet: Snippet }>;
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

/** One exported file for the caller to save; content is text (UTF-8). */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}
/** A folder of exported files (the Obsidian vault), paths '/'-separated inside folderName. */
export interface ExportedFolder {
  folderName: string;
  files: Array<{ path: string; content: string }>;
}
export interface RestoreCounts {
  documents: number;
  highlights: number;
  actors: number;
  notes: number;
  links: number;
}
export interface RestoreReport {
  added: RestoreCounts;
  unchanged: RestoreCounts;
  /** Rows the archive and the library both have in different versions; the library's was kept. */
  conflicts: Array<{ kind: 'document' | 'highlight' | 'actor' | 'note'; uid: string; title: string; reason: string }>;
}
export interface BackupInfo {
  file: string;
  name: string;
  /** When the backup was made (UTC, from its name). */
  createdAt: string;
  size: number;
}

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
  'highlights.tag': Highlight;
  'highlights.untag': Highlight;
  'actors.list': Actor[];
  'actors.create': Actor;
  'actors.update': Actor;
  'actors.delete': { actor: Actor; tagsRemoved: number };
  'actors.merge': Actor;
  'actors.page': ActorPage;
  'actors.mentions': ActorMention[];
  'actors.acceptMentions': { created: number; tagged: number };
  'notes.list': NoteSummary[];
  'notes.get': Note;
  'notes.create': Note;
  'notes.save': NoteSummary;
  'notes.delete': NoteSummary;
  'notes.restore': NoteSummary;
  'notes.linking': NoteSummary[];
  'search.query': SearchResults;
  'search.rebuild': { rebuilt: true };
  'export.noteMarkdown': ExportedFile;
  'export.noteHtml': ExportedFile;
  'export.documentMarkdown': ExportedFile;
  'export.documentHtml': ExportedFile;
  'export.actorMarkdown': ExportedFile;
  'export.webAnnotations': ExportedFile;
  'export.highlightsCsv': ExportedFile;
  'export.archive': ExportedFile;
  'export.vault': ExportedFolder;
  'library.restoreArchive': RestoreReport;
  'backup.now': BackupInfo;
  'backup.list': BackupInfo[];
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
