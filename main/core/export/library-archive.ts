import { z } from 'zod';
import { ACTOR_KINDS, HIGHLIGHT_COLOURS, type OriginalFiles } from '../../common/records';
import { isId, isUid, UID_RULE } from '../../common/ids';
import { MAX_AUTHORS, MAX_COLLECTION_NAME, MAX_TAG_LENGTH, MAX_TAGS } from '../../common/document-details';
import { EVENT_DATE_RULE, isEventDate } from '../../common/timeline';
import { HighlightAreaInput } from '../../common/highlight-area';
import type { ReferenceKind } from '../../common/note-format';
import { bodyJsonWithUids } from '../notes/bodies-by-id';
import { nowIso } from '../clock';
import type { Library } from '../db/library';
import { currentSchemaVersion, SCHEMA_VERSION } from '../db/migrations/index';
import { FieldbookError } from '../errors';
import { stopIfCancelled, type Task } from '../task';
import { checkArchiveRows } from './check-archive-rows';
import { analysesReferenceProblem, ANALYSES_SINCE_VERSION, ArchiveAnalysis, archivedAnalyses } from '../hypotheses/analysis-archive';

/** The whole library as one JSON file, row for row; see ARCHIVE.md for the format. */
export const ARCHIVE_FORMAT = 'fieldbook-archive';
/**
 * Each version names what it added, and the newest is the one written. Version 1 held local ids
 * inside notes' bodies; it is read, and its bodies are converted on the way in. What an older
 * version lacks is read as none.
 */
/** Document details, tags and collections. */
const DETAILS_SINCE_VERSION = 3;
/** Judged mentions (accepted and rejected). */
const MENTIONS_SINCE_VERSION = 4;
/** Themes (the codebook) and the passages tagged with them. */
export const THEMES_SINCE_VERSION = 5;
/** Source grades (the Admiralty code): documents' reliability and credibility, passages' own credibility. */
export const GRADES_SINCE_VERSION = 6;
/** Dated passages: the timeline's confirmed dates and its dismissed suggestions. */
export const DATES_SINCE_VERSION = 7;
/** Analyses of competing hypotheses: ANALYSES_SINCE_VERSION (8), in ../hypotheses/analysis-archive.ts. */
/** The file a PDF or EPUB came as (its bytes, base64) and its pages or chapters, with each document. */
export const FILES_SINCE_VERSION = 9;
/** Area highlights: a highlight's `area`, a rectangle on a PDF's page, with no quote. */
export const AREAS_SINCE_VERSION = 10;
/** A file referred to, not carried: its `byteSize` and `sha256` without `base64`, for the restore to ask for. */
export const FILE_REFERENCES_SINCE_VERSION = 11;
export const ARCHIVE_VERSION = Math.max(
  DETAILS_SINCE_VERSION,
  MENTIONS_SINCE_VERSION,
  THEMES_SINCE_VERSION,
  GRADES_SINCE_VERSION,
  DATES_SINCE_VERSION,
  ANALYSES_SINCE_VERSION,
  FILES_SINCE_VERSION,
  AREAS_SINCE_VERSION,
  FILE_REFERENCES_SINCE_VERSION,
);
const OLDEST_READ_VERSION = 1;

/** The door's rule for ids (see isId in main/common/ids.ts): what a library cannot hold, an archive may not carry. */
const LocalId = z.number().refine(isId, 'An id must be a whole number from 1 to 9007199254740991.');
const Uid = z.string().refine(isUid, `A uid must be ${UID_RULE}.`);
const Time = z.string().min(1).max(64);

const ArchivePart = z.object({
  kind: z.enum(['page', 'chapter']),
  ordinal: z.int().nonnegative(),
  label: z.string().max(1_000),
  startOffset: z.int().nonnegative(),
  endOffset: z.int().nonnegative(),
});

/**
 * A document's file (migration 140): its bytes (`base64`), or since version 11 only a reference
 * to them (`byteSize` and `sha256`, the bytes given at restore). Its sha256, parts and outline
 * are checked in check-archive-rows.ts.
 */
const ArchiveDocumentFile = z
  .object({
    mediaType: z.enum(['application/pdf', 'application/epub+zip']),
    sha256: z.string(),
    extraction: z.string().min(1).max(200),
    hasText: z.boolean(),
    /** The table of contents as the library stores it: JSON text. */
    outline: z.string().max(10_000_000),
    base64: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A file’s bytes must be base64.').optional(),
    byteSize: z.int().positive().optional(),
    parts: z.array(ArchivePart).max(1_000_000),
  })
  .refine((file) => file.base64 !== undefined || (file.byteSize !== undefined && /^[0-9a-f]{64}$/.test(file.sha256)), {
    message: 'A file must carry its bytes (base64), or refer to them by byteSize and a SHA-256 of 64 hex digits.',
  });

const ArchiveDocument = z.object({
  id: LocalId,
  uid: Uid,
  title: z.string().min(1),
  byline: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.enum(['html', 'markdown', 'text']),
  html: z.string(),
  text: z.string(),
  wordCount: z.number().int().nonnegative(),
  contentHash: z.string().min(1),
  importedAt: Time,
  updatedAt: Time,
  /** Details, tags (absent before version 3). */
  authors: z.array(z.string().min(1).max(200)).max(MAX_AUTHORS).default([]),
  published: z.string().max(10).nullable().default(null),
  publisher: z.string().max(500).nullable().default(null),
  language: z.string().max(35).nullable().default(null),
  citation: z.string().max(2_000).nullable().default(null),
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS).default([]),
  /** Grades (absent before version 6); their values are checked in check-archive-rows.ts, which names the row. */
  reliability: z.string().max(8).nullable().default(null),
  credibility: z.number().nullable().default(null),
  /** The PDF or EPUB it came as (absent before version 9, and for a document that came as text). */
  file: ArchiveDocumentFile.nullable().default(null),
});

const ArchiveCollection = z.object({
  id: LocalId,
  uid: Uid,
  name: z.string().min(1).max(MAX_COLLECTION_NAME),
  createdAt: Time,
  updatedAt: Time,
});
const ArchiveMembership = z.object({ documentId: LocalId, collectionId: LocalId });

const ArchiveTheme = z.object({
  id: LocalId,
  uid: Uid,
  parentId: LocalId.nullable(),
  name: z.string().min(1).max(200),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  description: z.string().max(5_000),
  createdAt: Time,
  updatedAt: Time,
});
const ArchiveThemeTag = z.object({ highlightId: LocalId, themeId: LocalId });
/** A passage's date as a person decided it (see migration 0110): an event, or a suggestion set aside. */
const ArchiveHighlightDate = z.object({
  highlightId: LocalId,
  date: z.string().max(21).refine(isEventDate, EVENT_DATE_RULE),
  status: z.enum(['confirmed', 'dismissed']),
  found: z.string().max(10_000),
  createdAt: Time,
  updatedAt: Time,
});

const ArchiveHighlight = z
  .object({
    id: LocalId,
    uid: Uid,
    documentId: LocalId,
    /** Empty for an area, whose quote and offsets are derived from its page (check-archive-rows.ts). */
    quoteExact: z.string(),
    quotePrefix: z.string(),
    quoteSuffix: z.string(),
    positionStart: z.number().int().nonnegative(),
    positionEnd: z.number().int().nonnegative(),
    anchorStatus: z.enum(['exact', 'approximate', 'orphaned']),
    colour: z.enum(HIGHLIGHT_COLOURS),
    comment: z.string(),
    createdAt: Time,
    updatedAt: Time,
    deletedAt: Time.nullable(),
    /** Its own credibility (absent before version 6); checked in check-archive-rows.ts. */
    credibility: z.number().nullable().default(null),
    /** A rectangle on a PDF's page, as the door takes one (absent before version 10, and for a highlight of text). */
    area: HighlightAreaInput.nullable().default(null),
  })
  .refine((h) => h.area !== null || h.quoteExact.length > 0, { message: 'A highlight of text must quote some.', path: ['quoteExact'] })
  .refine((h) => h.area !== null || h.positionEnd > h.positionStart, { message: 'A highlight must end after it starts.', path: ['positionEnd'] });

const ArchiveAlias = z.object({ position: z.number().int(), alias: z.string().min(1), aliasKey: z.string().min(1) });

const ArchiveActor = z.object({
  id: LocalId,
  uid: Uid,
  name: z.string().min(1),
  nameKey: z.string().min(1),
  nameFolded: z.string(),
  kind: z.enum(ACTOR_KINDS),
  description: z.string(),
  colour: z.string(),
  createdAt: Time,
  updatedAt: Time,
  aliases: z.array(ArchiveAlias),
  /** The uids of actors merged into this one (absent before version 2). */
  formerUids: z.array(Uid).default([]),
});

const ArchiveNote = z.object({
  id: LocalId,
  uid: Uid,
  title: z.string(),
  /** Kept as the exact stored string, so a restore writes back the very same bytes. */
  bodyJson: z.string().refine((json) => {
    try {
      const parsed = JSON.parse(json) as { root?: unknown };
      return typeof parsed === 'object' && parsed !== null && typeof parsed.root === 'object';
    } catch {
      return false;
    }
  }, 'A note body must be a Lexical editor state in JSON.'),
  bodyText: z.string(),
  createdAt: Time,
  updatedAt: Time,
  deletedAt: Time.nullable(),
});

/** A place the person judged to be (accepted) or not to be (rejected) a mention of the actor; see migration 0080. */
const ArchiveMention = z
  .object({
    id: LocalId,
    uid: Uid,
    documentId: LocalId,
    actorId: LocalId,
    status: z.enum(['accepted', 'rejected']),
    quoteExact: z.string().min(1),
    quotePrefix: z.string(),
    quoteSuffix: z.string(),
    positionStart: z.number().int().nonnegative(),
    positionEnd: z.number().int().positive(),
    anchorStatus: z.enum(['exact', 'approximate', 'orphaned']),
    createdAt: Time,
  })
  .refine((m) => m.positionEnd > m.positionStart, { message: 'A mention must end after it starts.', path: ['positionEnd'] });

const LINK_KINDS = ['note', 'highlight', 'actor', 'document'] as const;
const ArchiveLink = z.object({ fromNoteId: LocalId, targetKind: z.enum(LINK_KINDS), targetId: LocalId });
const ArchiveTag = z.object({ highlightId: LocalId, actorId: LocalId });

export const LibraryArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.int().min(OLDEST_READ_VERSION).max(ARCHIVE_VERSION),
  exportedAt: Time,
  schemaVersion: z.number().int().nonnegative(),
  documents: z.array(ArchiveDocument),
  highlights: z.array(ArchiveHighlight),
  actors: z.array(ArchiveActor),
  highlightActors: z.array(ArchiveTag),
  /** Absent before version 4. */
  actorMentions: z.array(ArchiveMention).default([]),
  notes: z.array(ArchiveNote),
  links: z.array(ArchiveLink),
  /** Absent before version 3. */
  collections: z.array(ArchiveCollection).default([]),
  documentCollections: z.array(ArchiveMembership).default([]),
  /** Absent before version 5 (THEMES_SINCE_VERSION). */
  themes: z.array(ArchiveTheme).default([]),
  highlightThemes: z.array(ArchiveThemeTag).default([]),
  /** Absent before version 7 (DATES_SINCE_VERSION): read as no passage dated. */
  highlightDates: z.array(ArchiveHighlightDate).default([]),
  /** Absent before version 8 (ANALYSES_SINCE_VERSION). */
  analyses: z.array(ArchiveAnalysis).default([]),
});

export type LibraryArchive = z.output<typeof LibraryArchiveSchema>;
export type ArchiveDocumentRow = z.output<typeof ArchiveDocument>;
export type ArchiveDocumentFileRow = z.output<typeof ArchiveDocumentFile>;
export type ArchiveHighlightRow = z.output<typeof ArchiveHighlight>;
export type ArchiveActorRow = z.output<typeof ArchiveActor>;
export type ArchiveMentionRow = z.output<typeof ArchiveMention>;
export type ArchiveNoteRow = z.output<typeof ArchiveNote>;
export type ArchiveLinkRow = z.output<typeof ArchiveLink>;
export type ArchiveCollectionRow = z.output<typeof ArchiveCollection>;
export type ArchiveThemeRow = z.output<typeof ArchiveTheme>;

/**
 * Reads every table in one read transaction, so the archive is one consistent moment even
 * while the app writes. Columns are renamed in SQL, so rows come out ready to serialise.
 */
export function exportLibraryArchive(library: Library, exportedAt = nowIso(), task?: Task, originals: OriginalFiles = 'include'): LibraryArchive {
  const db = library.db;
  return db.transaction(() => {
    archiveStage(task, 0, 'Reading the documents');
    const tags = new Map<number, string[]>();
    for (const row of db.prepare('SELECT document_id AS documentId, tag FROM document_tags ORDER BY document_id, tag').all() as Array<{ documentId: number; tag: string }>) {
      tags.set(row.documentId, [...(tags.get(row.documentId) ?? []), row.tag]);
    }
    const files = archivedFiles(db, originals);
    const documents = (
      db
        .prepare(
          `SELECT id, uid, title, byline, source_url AS sourceUrl, file_name AS fileName, format, b.html, b.text,
             word_count AS wordCount, content_hash AS contentHash, imported_at AS importedAt, updated_at AS updatedAt,
             authors, published, publisher, language, citation, reliability, credibility
           FROM documents d JOIN document_bodies b ON b.document_id = d.id ORDER BY id`,
        )
        .all() as Array<Omit<ArchiveDocumentRow, 'authors' | 'tags' | 'file'> & { authors: string }>
    ).map((row) => ({ ...row, authors: JSON.parse(row.authors) as string[], tags: tags.get(row.id) ?? [], file: files.get(row.id) ?? null }));
    const collections = db
      .prepare('SELECT id, uid, name, created_at AS createdAt, updated_at AS updatedAt FROM collections ORDER BY id')
      .all() as ArchiveCollectionRow[];
    const documentCollections = db
      .prepare('SELECT document_id AS documentId, collection_id AS collectionId FROM document_collections ORDER BY document_id, collection_id')
      .all() as LibraryArchive['documentCollections'];
    archiveStage(task, 1, 'Reading highlights, actors and notes');
    const highlights = (
      db
        .prepare(
          `SELECT id, uid, document_id AS documentId, quote_exact AS quoteExact, quote_prefix AS quotePrefix,
             quote_suffix AS quoteSuffix, position_start AS positionStart, position_end AS positionEnd,
             anchor_status AS anchorStatus, colour, comment, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt,
             credibility, area_page, area_x, area_y, area_width, area_height
           FROM highlights ORDER BY id`,
        )
        .all() as Array<Omit<ArchiveHighlightRow, 'area'> & AreaColumns>
    ).map(({ area_page: page, area_x: x, area_y: y, area_width: width, area_height: height, ...row }) => ({
      ...row,
      area: page === null ? null : { page, x: x!, y: y!, width: width!, height: height! },
    }));
    const actorRows = db
      .prepare(
        `SELECT id, uid, name, name_key AS nameKey, name_folded AS nameFolded, kind, description, colour,
           created_at AS createdAt, updated_at AS updatedAt
         FROM actors ORDER BY id`,
      )
      .all() as Array<Omit<ArchiveActorRow, 'aliases' | 'formerUids'>>;
    const formerUids = new Map<number, string[]>();
    for (const row of db.prepare('SELECT actor_id AS actorId, uid FROM actor_former_uids ORDER BY actor_id, uid').all() as Array<{ actorId: number; uid: string }>) {
      formerUids.set(row.actorId, [...(formerUids.get(row.actorId) ?? []), row.uid]);
    }
    const aliases = new Map<number, ArchiveActorRow['aliases']>();
    for (const row of db
      .prepare('SELECT actor_id AS actorId, position, alias, alias_key AS aliasKey FROM actor_aliases ORDER BY actor_id, position')
      .all() as Array<{ actorId: number; position: number; alias: string; aliasKey: string }>) {
      const list = aliases.get(row.actorId) ?? [];
      list.push({ position: row.position, alias: row.alias, aliasKey: row.aliasKey });
      aliases.set(row.actorId, list);
    }
    const highlightActors = db
      .prepare('SELECT highlight_id AS highlightId, actor_id AS actorId FROM highlight_actors ORDER BY highlight_id, actor_id')
      .all() as LibraryArchive['highlightActors'];
    const actorMentions = db
      .prepare(
        `SELECT id, uid, document_id AS documentId, actor_id AS actorId, status, quote_exact AS quoteExact,
           quote_prefix AS quotePrefix, quote_suffix AS quoteSuffix, position_start AS positionStart,
           position_end AS positionEnd, anchor_status AS anchorStatus, created_at AS createdAt
         FROM actor_mentions ORDER BY id`,
      )
      .all() as ArchiveMentionRow[];
    const themes = db
      .prepare(
        `SELECT id, uid, parent_id AS parentId, name, colour, description, created_at AS createdAt, updated_at AS updatedAt
         FROM themes ORDER BY id`,
      )
      .all() as ArchiveThemeRow[];
    const highlightThemes = db
      .prepare('SELECT highlight_id AS highlightId, theme_id AS themeId FROM highlight_themes ORDER BY highlight_id, theme_id')
      .all() as LibraryArchive['highlightThemes'];
    const highlightDates = db
      .prepare(
        `SELECT highlight_id AS highlightId, date, status, found, created_at AS createdAt, updated_at AS updatedAt
         FROM highlight_dates ORDER BY highlight_id, date`,
      )
      .all() as LibraryArchive['highlightDates'];
    const notes = db
      .prepare(
        `SELECT id, uid, title, body_json AS bodyJson, body_text AS bodyText, created_at AS createdAt,
           updated_at AS updatedAt, deleted_at AS deletedAt
         FROM notes ORDER BY id`,
      )
      .all() as ArchiveNoteRow[];
    const links = db
      .prepare('SELECT from_note_id AS fromNoteId, target_kind AS targetKind, target_id AS targetId FROM links ORDER BY from_note_id, target_kind, target_id')
      .all() as ArchiveLinkRow[];
    return {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt,
      schemaVersion: currentSchemaVersion(db),
      documents,
      highlights,
      actors: actorRows.map((actor) => ({ ...actor, aliases: aliases.get(actor.id) ?? [], formerUids: formerUids.get(actor.id) ?? [] })),
      highlightActors,
      actorMentions,
      notes,
      links,
      collections,
      documentCollections,
      themes,
      highlightThemes,
      highlightDates,
      analyses: archivedAnalyses(db),
    } satisfies LibraryArchive;
  })();
}

interface AreaColumns {
  area_page: number | null;
  area_x: number | null;
  area_y: number | null;
  area_width: number | null;
  area_height: number | null;
}

/** Each document's file (its bytes, or a reference to them) and parts, by document id, as the archive carries them. */
function archivedFiles(db: Library['db'], originals: OriginalFiles): Map<number, ArchiveDocumentFileRow> {
  const parts = new Map<number, ArchiveDocumentFileRow['parts']>();
  for (const row of db
    .prepare(
      `SELECT document_id AS documentId, kind, ordinal, label, start_offset AS startOffset, end_offset AS endOffset
       FROM document_parts ORDER BY document_id, start_offset, ordinal`,
    )
    .all() as Array<ArchiveDocumentFileRow['parts'][number] & { documentId: number }>) {
    const { documentId, ...part } = row;
    const list = parts.get(documentId) ?? [];
    list.push(part);
    parts.set(documentId, list);
  }
  const files = new Map<number, ArchiveDocumentFileRow>();
  // A reference never reads the bytes: that is what keeps it quick and small.
  const content = originals === 'include' ? 'bytes' : 'byte_size AS byteSize';
  for (const row of db
    .prepare(`SELECT document_id AS documentId, media_type AS mediaType, sha256, extraction, has_text AS hasText, outline, ${content} FROM document_files ORDER BY document_id`)
    .all() as Array<Omit<ArchiveDocumentFileRow, 'base64' | 'byteSize' | 'parts' | 'hasText'> & { documentId: number; hasText: number; bytes?: Buffer; byteSize?: number }>) {
    const { documentId, bytes, byteSize, hasText, ...file } = row;
    const carried = bytes ? { base64: bytes.toString('base64') } : { byteSize: byteSize! };
    files.set(documentId, { ...file, hasText: hasText === 1, ...carried, parts: parts.get(documentId) ?? [] });
  }
  return files;
}

export function libraryArchiveJson(library: Library, exportedAt?: string, task?: Task, originals: OriginalFiles = 'include'): string {
  const archive = exportLibraryArchive(library, exportedAt, task, originals);
  archiveStage(task, 2, 'Writing the archive');
  return JSON.stringify(archive);
}

const ARCHIVE_STAGES = 3;

/** Stops between stages (nothing is written until the end, so a stop leaves nothing behind), then says what comes next. */
function archiveStage(task: Task | undefined, done: number, message: string): void {
  stopIfCancelled(task, 'The archive was not exported: the export was cancelled.');
  task?.report({ done, total: ARCHIVE_STAGES, message });
}

/**
 * Checks an archive before anything is written: first what it is (so a wrong file gets a plain
 * answer rather than a list of missing fields), then every row (cleaned as an import would be,
 * see check-archive-rows.ts), then that its references hold.
 */
export function parseLibraryArchive(input: string | unknown): LibraryArchive {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new FieldbookError('invalid_input', 'This file is not a Fieldbook archive: it is not JSON.');
    }
  }
  const head = data as { format?: unknown; version?: unknown; schemaVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== ARCHIVE_FORMAT) {
    throw new FieldbookError('invalid_input', 'This file is not a Fieldbook archive (its "format" is not "fieldbook-archive").');
  }
  if (typeof head.version === 'number' && head.version > ARCHIVE_VERSION) {
    throw new FieldbookError(
      'refused',
      `This archive was written by a newer version of Fieldbook (archive version ${head.version}; this version reads version ${ARCHIVE_VERSION}). Update Fieldbook to restore it.`,
    );
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > SCHEMA_VERSION) {
    throw new FieldbookError(
      'refused',
      `This archive comes from a newer library (schema ${head.schemaVersion}; this version knows up to ${SCHEMA_VERSION}). Update Fieldbook to restore it.`,
    );
  }
  const parsed = LibraryArchiveSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    const problem = issue?.message ?? 'invalid data';
    // The schema's own messages are sentences already; zod's are not.
    throw new FieldbookError('invalid_input', `The archive is damaged${where}: ${problem}${/[.?!]$/.test(problem) ? '' : '.'}`);
  }
  const carriedless = parsed.data.documents.findIndex((document) => document.file !== null && document.file.base64 === undefined);
  if (carriedless >= 0 && parsed.data.version < FILE_REFERENCES_SINCE_VERSION) {
    throw new FieldbookError(
      'invalid_input',
      `The archive is damaged at documents.${carriedless}.file: an archive of version ${parsed.data.version} carries its files' bytes (base64); only version ${FILE_REFERENCES_SINCE_VERSION} and later may name them instead.`,
    );
  }
  const archive = checkArchiveRows(withBodiesByUid(parsed.data));
  assertReferencesHold(archive);
  return archive;
}

/**
 * A version 1 archive's bodies name rows by the archive's local ids; they are given the uids of
 * those rows, as the library's own bodies were by migration 60. An id the archive has no row
 * for becomes null, a reference to nothing.
 */
function withBodiesByUid(archive: LibraryArchive): LibraryArchive {
  if (archive.version >= 2) return archive;
  const uids: Record<ReferenceKind, Map<number, string>> = {
    note: new Map(archive.notes.map((row) => [row.id, row.uid])),
    actor: new Map(archive.actors.map((row) => [row.id, row.uid])),
    highlight: new Map(archive.highlights.map((row) => [row.id, row.uid])),
    document: new Map(archive.documents.map((row) => [row.id, row.uid])),
  };
  const uidOf = (kind: ReferenceKind, id: number) => uids[kind].get(id) ?? null;
  return { ...archive, version: ARCHIVE_VERSION, notes: archive.notes.map((note) => ({ ...note, bodyJson: bodyJsonWithUids(note.bodyJson, uidOf) })) };
}

function assertReferencesHold(archive: LibraryArchive): void {
  const damaged = (message: string) => new FieldbookError('invalid_input', `The archive is damaged: ${message}`);
  const idsOf = (kind: string, rows: Array<{ id: number; uid: string }>) => {
    const ids = new Set<number>();
    const uids = new Set<string>();
    for (const row of rows) {
      if (ids.has(row.id)) throw damaged(`two ${kind} share the id ${row.id}.`);
      if (uids.has(row.uid)) throw damaged(`two ${kind} share the uid ${row.uid}.`);
      ids.add(row.id);
      uids.add(row.uid);
    }
    return ids;
  };
  const documents = idsOf('documents', archive.documents);
  const highlights = idsOf('highlights', archive.highlights);
  const actors = idsOf('actors', archive.actors);
  const notes = idsOf('notes', archive.notes);
  const hashes = new Set<string>();
  for (const d of archive.documents) {
    if (hashes.has(d.contentHash)) throw damaged(`two documents have the same content (${d.contentHash}).`);
    hashes.add(d.contentHash);
  }
  for (const h of archive.highlights) {
    if (!documents.has(h.documentId)) throw damaged(`highlight ${h.uid} belongs to document ${h.documentId}, which is not in it.`);
  }
  for (const t of archive.highlightActors) {
    if (!highlights.has(t.highlightId) || !actors.has(t.actorId)) {
      throw damaged(`a tag joins highlight ${t.highlightId} and actor ${t.actorId}, which are not both in it.`);
    }
  }
  const collections = idsOf('collections', archive.collections);
  for (const m of archive.documentCollections) {
    if (!documents.has(m.documentId) || !collections.has(m.collectionId)) {
      throw damaged(`document ${m.documentId} is in collection ${m.collectionId}, which are not both in it.`);
    }
  }
  idsOf('mentions', archive.actorMentions);
  for (const m of archive.actorMentions) {
    if (!documents.has(m.documentId) || !actors.has(m.actorId)) {
      throw damaged(`the mention ${m.uid} joins document ${m.documentId} and actor ${m.actorId}, which are not both in it.`);
    }
  }
  const themes = idsOf('themes', archive.themes);
  const parentOf = new Map(archive.themes.map((t) => [t.id, t.parentId]));
  for (const t of archive.themes) {
    if (t.parentId !== null && !themes.has(t.parentId)) throw damaged(`the theme “${t.name}” sits under theme ${t.parentId}, which is not in it.`);
    // Walking up from each theme must reach the top: a loop would leave its themes nowhere in the tree.
    const seen = new Set<number>([t.id]);
    for (let up = t.parentId; up !== null; up = parentOf.get(up) ?? null) {
      if (seen.has(up)) throw damaged(`the theme “${t.name}” sits under itself.`);
      seen.add(up);
    }
  }
  for (const t of archive.highlightThemes) {
    if (!highlights.has(t.highlightId) || !themes.has(t.themeId)) {
      throw damaged(`a tag joins highlight ${t.highlightId} and theme ${t.themeId}, which are not both in it.`);
    }
  }
  const datedTwice = new Set<string>();
  for (const d of archive.highlightDates) {
    if (!highlights.has(d.highlightId)) throw damaged(`a date (${d.date}) is given to highlight ${d.highlightId}, which is not in it.`);
    const key = `${d.highlightId} ${d.date}`;
    if (datedTwice.has(key)) throw damaged(`highlight ${d.highlightId} is given the date ${d.date} twice.`);
    datedTwice.add(key);
  }
  for (const l of archive.links) {
    if (!notes.has(l.fromNoteId)) throw damaged(`a link starts from note ${l.fromNoteId}, which is not in it.`);
  }
  const analysisProblem = analysesReferenceProblem(archive.analyses, highlights);
  if (analysisProblem !== null) throw damaged(analysisProblem);
  const aliasKeys = new Set<string>();
  const nameKeys = new Set<string>();
  const actorUids = new Set(archive.actors.map((a) => a.uid));
  for (const a of archive.actors) {
    for (const uid of a.formerUids) {
      if (actorUids.has(uid)) throw damaged(`the actor “${a.name}” claims the uid ${uid} as a former uid, which another actor already holds.`);
      actorUids.add(uid);
    }
    if (nameKeys.has(a.nameKey)) throw damaged(`two actors are named “${a.name}”.`);
    nameKeys.add(a.nameKey);
    for (const alias of a.aliases) {
      if (aliasKeys.has(alias.aliasKey)) throw damaged(`the alias “${alias.alias}” belongs to two actors.`);
      aliasKeys.add(alias.aliasKey);
    }
  }
}
