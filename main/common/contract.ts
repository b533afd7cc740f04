/**
 * The contract between Fieldbook's core and every caller (the UI over IPC or HTTP, the command
 * line): every operation's input schema (zod, checked at the door by main/ops.ts), its output
 * type and the shape of an answer. Pure, like everything in main/common/, so the page may import it.
 */
import { z } from 'zod';
import type { LibraryChange } from './changes';
import type { CallTracking } from './progress';
import { isId } from './ids';
import type { DocumentFileInfo, DocumentParts } from './document-parts';
import { CREDIBILITIES, CREDIBILITY_RULE, RELIABILITIES, RELIABILITY_RULE } from './admiralty';
import {
  isLanguageTag,
  isPartialDate,
  publishedInOrder,
  LANGUAGE_RULE,
  MAX_AUTHORS,
  MAX_COLLECTION_NAME,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  PARTIAL_DATE_RULE,
} from './document-details';
import { LexicalState } from './note-format';
import { HighlightAreaInput } from './highlight-area';
import type { ActorNetwork, NetworkLinkPassages } from './network';
import type { DocumentOutline } from './document-outline';
import { EVENT_DATE_RULE, isEventDate, MAX_EVENT_DATE, type HighlightDates, type Timeline } from './timeline';
import { ACH_RATINGS, ACH_RATING_RULE, MAX_EVIDENCE_WEIGHT, type Analysis, type AnalysisSummary } from './hypotheses';
import {
  ACTOR_KINDS,
  HIGHLIGHT_COLOURS,
  type Actor,
  type ActorMention,
  type AllHighlights,
  type ActorPage,
  type BackupInfo,
  type CoOccurrence,
  type CoOccurrencePassages,
  type Collection,
  type DocumentFull,
  type DocumentSummary,
  type ExportedFile,
  type ExportedFolder,
  type Highlight,
  type ImportOutcome,
  type Note,
  type NoteSummary,
  type QdpxImportReport,
  type ReplaceReport,
  ORIGINAL_FILE_CHOICES,
  type RestoreAnswer,
  type SearchResults,
  type Theme,
  type ThemeNode,
  type ThemePage,
} from './records';

const Id = z
  .number({ error: 'An id must be a number.' })
  .refine((n) => Number.isInteger(n), 'An id must be a whole number.')
  .refine((n) => n > 0, 'An id must be positive.')
  .refine(isId, 'An id can be at most 9007199254740991.');

/**
 * A file sent to the core: as base64 where only JSON crosses (the browser host), or as its bytes
 * where the caller holds them (the command line, and IPC, which clones them): base64 is a third
 * larger, and decoding it is one more copy of a book.
 */
const uploadedFileFields = {
  name: z.string().min(1, 'A file needs a name.').max(1024),
  base64: z.string().max(40 * 1024 * 1024, 'The file is too large to send.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file contents must be base64.').optional(),
  bytes: z
    .instanceof(Uint8Array, { error: 'A file’s bytes must be a Uint8Array.' })
    .refine((bytes) => bytes.byteLength <= 30 * 1024 * 1024, 'The file is too large to send.')
    .optional(),
};
const sentOnce = (file: { base64?: string; bytes?: Uint8Array }) => (file.base64 === undefined) !== (file.bytes === undefined);
const SENT_ONCE = 'A file is sent as base64 or as bytes: one of the two.';
const UploadedFile = z.object(uploadedFileFields).strict().refine(sentOnce, SENT_ONCE);
/** A file that may be an encrypted PDF, with its password. */
const FileWithPassword = z
  .object({ ...uploadedFileFields, password: z.string().max(1024, 'A password can be at most 1,024 characters.').optional() })
  .strict()
  .refine(sentOnce, SENT_ONCE);
const OriginalFilesChoice = z.enum(ORIGINAL_FILE_CHOICES, {
  error: 'Choose "include" to carry the PDFs and EPUBs, or "refer" to name them only.',
});
const Colour = z.enum(HIGHLIGHT_COLOURS, { error: `A highlight colour is one of ${HIGHLIGHT_COLOURS.join(', ')}.` });
/** An instant, ISO 8601 with its offset; the core compares it as UTC. */
const Instant = z.iso.datetime({ offset: true, error: 'A time is written in ISO 8601, such as 2026-03-01T00:00:00Z.' });
/** Highlights chosen in a list, acted on together; as many as the list can show. */
const HighlightIds = z
  .array(Id)
  .min(1, 'Choose at least one highlight.')
  .max(2_000, 'Choose at most 2,000 highlights at once.');
const Offset = z.number().int('An offset must be a whole number.').nonnegative('An offset cannot be negative.');
const ActorName = z.string().trim().min(1, 'An actor needs a name.').max(200, 'An actor’s name can be at most 200 characters.');
const ActorFields = {
  kind: z.enum(ACTOR_KINDS, { error: `An actor’s kind is one of ${ACTOR_KINDS.join(', ')}.` }),
  aliases: z.array(ActorName).max(100, 'An actor can have at most 100 aliases.'),
  description: z.string().max(5_000, 'A description can be at most 5,000 characters.'),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour is written #rrggbb.'),
};

/** Blank text is allowed wherever a detail can be cleared: it stores as no value. */
const blankOr = (rule: (text: string) => boolean) => (text: string) => text.trim() === '' || rule(text.trim());
const DocumentDetails = {
  title: z.string().trim().min(1, 'A document needs a title.').max(500, 'A title can be at most 500 characters.'),
  authors: z
    .array(z.string().trim().min(1, 'An author needs a name.').max(200, 'An author’s name can be at most 200 characters.'))
    .max(MAX_AUTHORS, `A document can have at most ${MAX_AUTHORS} authors.`),
  published: z.string().max(10).refine(blankOr(isPartialDate), `A date published is ${PARTIAL_DATE_RULE}.`).nullable(),
  publisher: z.string().max(500, 'A publisher can be at most 500 characters.').nullable(),
  sourceUrl: z
    .string()
    .max(2048, 'A source URL can be at most 2,048 characters.')
    .refine(blankOr((url) => /^https?:\/\/[^\s]+$/i.test(url)), 'A source URL starts with http:// or https://.')
    .nullable(),
  language: z.string().max(35).refine(blankOr(isLanguageTag), `A language is ${LANGUAGE_RULE}.`).nullable(),
  citation: z.string().max(2_000, 'A citation can be at most 2,000 characters.').nullable(),
  tags: z
    .array(z.string().trim().min(1, 'A tag cannot be empty.').max(MAX_TAG_LENGTH, `A tag can be at most ${MAX_TAG_LENGTH} characters.`))
    .max(MAX_TAGS, `A document can have at most ${MAX_TAGS} tags.`),
  collectionIds: z.array(Id).max(1_000, 'A document can be in at most 1,000 collections.'),
};
const ThemeName = z.string().trim().min(1, 'A theme needs a name.').max(200, 'A theme’s name can be at most 200 characters.');
const ThemeFields = {
  description: z.string().max(5_000, 'A theme’s description can be at most 5,000 characters.'),
  colour: ActorFields.colour,
};
const CollectionName = z
  .string()
  .trim()
  .min(1, 'A collection needs a name.')
  .max(MAX_COLLECTION_NAME, `A collection’s name can be at most ${MAX_COLLECTION_NAME} characters.`);
const Tag = z.string().trim().min(1, 'A tag cannot be empty.').max(MAX_TAG_LENGTH);
/** The Admiralty code (admiralty.ts): a reliability is a capital letter, a credibility a number. */
const Reliability = z.enum(RELIABILITIES, { error: RELIABILITY_RULE });
const Credibility = z.literal(CREDIBILITIES, { error: CREDIBILITY_RULE });
/** Grades to keep, null for "not graded"; each named once. An empty list keeps nothing. */
const gradeList = <T extends z.ZodType<string | number>>(grade: T, most: number) =>
  z
    .array(grade.nullable())
    .max(most + 1)
    .refine((grades) => new Set(grades).size === grades.length, 'Name each grade once.')
    .optional();
const GradeFilterFields = {
  reliability: gradeList(Reliability, RELIABILITIES.length),
  credibility: gradeList(Credibility, CREDIBILITIES.length),
};

/** Which live passages an analysis counts: the network's and the co-occurrence matrix's narrowing alike. */
const PassageFilterFields = {
  ...GradeFilterFields,
  documentId: Id.optional(),
  collectionId: Id.optional(),
  publishedFrom: z.string().max(10).refine(isPartialDate, `A date is ${PARTIAL_DATE_RULE}.`).optional(),
  publishedTo: z.string().max(10).refine(isPartialDate, `A date is ${PARTIAL_DATE_RULE}.`).optional(),
};
/** Which passages the actor network is drawn from; the same for the view, its links and its exports. */
const NetworkFilterFields = {
  ...PassageFilterFields,
  kinds: z
    .array(ActorFields.kind)
    .max(ACTOR_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'Name each kind once.')
    .optional(),
  minWeight: z
    .number({ error: 'A minimum weight is a number of passages.' })
    .int('A minimum weight is a whole number of passages.')
    .min(1, 'A link is at least one passage.')
    .max(1_000_000)
    .optional(),
};
const PUBLISHED_ORDER = { message: 'The first date must not come after the last.', path: ['publishedTo'] };
/** A timeline event's date (main/common/timeline.ts): 2012-01-12, 2012-01, 2012 or 2012-01/2012-03. */
const EventDate = z.string({ error: EVENT_DATE_RULE }).max(MAX_EVENT_DATE, EVENT_DATE_RULE).refine(isEventDate, EVENT_DATE_RULE);
const CoOccurrenceAgainst = z.enum(['themes', 'actors'], { error: 'Themes are set against themes or actors.' });
/** Analyses of competing hypotheses (see main/common/hypotheses.ts). */
const AnalysisName = z.string().trim().min(1, 'An analysis needs a name.').max(200, 'An analysis’s name can be at most 200 characters.');
const AnalysisQuestion = z.string().trim().max(2_000, 'A question can be at most 2,000 characters.');
const HypothesisText = z.string().trim().min(1, 'A hypothesis needs words.').max(1_000, 'A hypothesis can be at most 1,000 characters.');
const EvidenceText = z.string().trim().min(1, 'An evidence item needs words.').max(5_000, 'An evidence item can be at most 5,000 characters.');
const EvidenceWeight = z
  .number({ error: 'A weight is a number.' })
  .positive('A weight must be more than 0.')
  .max(MAX_EVIDENCE_WEIGHT, `A weight can be at most ${MAX_EVIDENCE_WEIGHT}.`);
const AchRatingInput = z.enum(ACH_RATINGS, { error: ACH_RATING_RULE });

export const opInputs = {
  'documents.list': z.object({}).strict(),
  'documents.get': z.object({ id: Id }).strict(),
  'documents.import': z
    .object({
      files: z
        .array(FileWithPassword)
        .min(1, 'Choose at least one file.')
        .max(200, 'Import at most 200 files at once.'),
    })
    .strict(),
  'documents.replace': z.object({ id: Id, file: FileWithPassword }).strict(),
  'documents.readingPosition': z.object({ documentId: Id }).strict(),
  /** A book's table of contents (an EPUB's nav or NCX), each entry at an offset in its text. */
  'documents.outline': z.object({ documentId: Id }).strict(),
  'documents.saveReadingPosition': z.object({ documentId: Id, offset: Offset }).strict(),
  /** A document's details, tags and collections; what is omitted is left as it is, null or blank clears it. */
  'documents.update': z
    .object({
      id: Id,
      title: DocumentDetails.title.optional(),
      authors: DocumentDetails.authors.optional(),
      published: DocumentDetails.published.optional(),
      publisher: DocumentDetails.publisher.optional(),
      sourceUrl: DocumentDetails.sourceUrl.optional(),
      language: DocumentDetails.language.optional(),
      citation: DocumentDetails.citation.optional(),
      tags: DocumentDetails.tags.optional(),
      collectionIds: DocumentDetails.collectionIds.optional(),
    })
    .strict(),
  /**
   * Grades a document as a source with the Admiralty code: its reliability (A to F) and the
   * credibility (1 to 6) its passages have unless they carry their own. What is omitted stays; null clears it.
   */
  'documents.grade': z
    .object({ id: Id, reliability: Reliability.nullable().optional(), credibility: Credibility.nullable().optional() })
    .strict()
    .refine((g) => g.reliability !== undefined || g.credibility !== undefined, {
      message: 'Give a reliability (A to F), a credibility (1 to 6) or both.',
      path: ['reliability'],
    }),
  /** Every tag on a document, with how many documents carry it. */
  'documents.tags': z.object({}).strict(),
  'documents.parts': z.object({ id: Id }).strict(),
  'documents.file': z.object({ id: Id }).strict(),
  'collections.list': z.object({}).strict(),
  'collections.create': z.object({ name: CollectionName }).strict(),
  'collections.rename': z.object({ id: Id, name: CollectionName }).strict(),
  /** The documents stay in the library. */
  'collections.delete': z.object({ id: Id }).strict(),
  'highlights.list': z.object({ documentId: Id }).strict(),
  'highlights.all': z
    .object({
      order: z.enum(['newest', 'reading'], { error: 'Highlights are listed newest first or in reading order.' }),
      documentId: Id.optional(),
      actorId: Id.optional(),
      themeId: Id.optional(),
      colour: Colour.optional(),
      /** Created at or after this instant. */
      createdFrom: Instant.optional(),
      /** Created before this instant (the start of the day after the last one wanted). */
      createdBefore: Instant.optional(),
      /** Highlights in the documents of this collection. */
      collectionId: Id.optional(),
      /** Highlights in the documents carrying this tag. */
      tag: Tag.optional(),
      /** Highlights whose document's reliability, or whose credibility (their own, else their document's), is one of these. */
      ...GradeFilterFields,
    })
    .strict()
    .refine((f) => !f.createdFrom || !f.createdBefore || Date.parse(f.createdFrom) < Date.parse(f.createdBefore), {
      message: 'The first day must not come after the last.',
      path: ['createdBefore'],
    }),
  'highlights.create': z
    .object({ documentId: Id, start: Offset, end: Offset, colour: Colour, comment: z.string().max(20_000).optional() })
    .strict()
    .refine((h) => h.end > h.start, { message: 'A highlight must cover at least one character.', path: ['end'] }),
  /**
   * Highlights a rectangle on a PDF's page (a table, a figure, a scan's text): a PDF's only, on a
   * page it has, scans too. Its text fields are empty; its place is `area` (see HighlightArea).
   */
  'highlights.createArea': z
    .object({ documentId: Id, area: HighlightAreaInput, colour: Colour, comment: z.string().max(20_000, 'A comment can be at most 20,000 characters.').optional() })
    .strict(),
  'highlights.update': z
    .object({ id: Id, colour: Colour.optional(), comment: z.string().max(20_000, 'A comment can be at most 20,000 characters.').optional() })
    .strict(),
  /** Gives a passage a credibility of its own (1 to 6), or with null gives it back its document's. */
  'highlights.grade': z.object({ id: Id, credibility: Credibility.nullable() }).strict(),
  'highlights.delete': z.object({ id: Id }).strict(),
  'highlights.restore': z.object({ id: Id }).strict(),
  'highlights.tag': z.object({ highlightId: Id, actorId: Id }).strict(),
  'highlights.untag': z.object({ highlightId: Id, actorId: Id }).strict(),
  /** Tags every one of these highlights with the actor, or none of them when one is missing. */
  'highlights.tagMany': z.object({ highlightIds: HighlightIds, actorId: Id }).strict(),
  /** Tags a passage with a theme of the codebook (as `highlights.tag` does with an actor). */
  'highlights.tagTheme': z.object({ highlightId: Id, themeId: Id }).strict(),
  'highlights.untagTheme': z.object({ highlightId: Id, themeId: Id }).strict(),
  /** Tags every one of these highlights with the theme, or none of them when one is missing. */
  'highlights.tagManyTheme': z.object({ highlightIds: HighlightIds, themeId: Id }).strict(),
  /** The codebook as a tree. */
  'themes.list': z.object({}).strict(),
  'themes.create': z
    .object({
      name: ThemeName,
      /** Omitted or null: at the top of the codebook. */
      parentId: Id.nullable().optional(),
      colour: ThemeFields.colour.optional(),
      description: ThemeFields.description.optional(),
    })
    .strict(),
  /** Renames, recolours, redefines or moves a theme (parentId null: to the top); what is omitted stays. */
  'themes.update': z
    .object({
      id: Id,
      name: ThemeName.optional(),
      parentId: Id.nullable().optional(),
      colour: ThemeFields.colour.optional(),
      description: ThemeFields.description.optional(),
    })
    .strict()
    .refine((t) => t.parentId !== t.id, { message: 'A theme cannot sit under itself.', path: ['parentId'] }),
  /** Its passages lose the tag; its sub-themes move up to its parent. */
  'themes.delete': z.object({ id: Id }).strict(),
  /** The passages of mergeId are tagged with keepId instead, its sub-themes move under keepId, and it is gone. */
  'themes.merge': z
    .object({ keepId: Id, mergeId: Id })
    .strict()
    .refine((m) => m.keepId !== m.mergeId, { message: 'A theme cannot be merged into itself.', path: ['mergeId'] }),
  'themes.page': z.object({ id: Id }).strict(),
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
    })
    .strict(),
  'actors.rejectMention': z.object({ documentId: Id, actorId: Id, start: Offset, end: Offset }).strict(),
  /** Undoes judgements: the places are suggested again (or no longer accepted). */
  'actors.forgetMentions': z.object({ ids: z.array(Id).min(1).max(10_000) }).strict(),
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
      kinds: z.array(z.enum(['document', 'highlight', 'note', 'actor', 'theme', 'analysis'])).min(1).optional(),
      actorId: Id.optional(),
      themeId: Id.optional(),
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
  /** Chosen highlights, from any documents, as one file. */
  'export.highlightsSelection': z
    .object({
      highlightIds: HighlightIds,
      format: z.enum(['markdown', 'csv'], { error: 'A selection is exported as markdown or csv.' }),
      bom: z.boolean().optional(),
    })
    .strict(),
  'export.archive': z.object({ originals: OriginalFilesChoice.optional() }).strict(),
  'export.vault': z.object({ originals: OriginalFilesChoice.optional() }).strict(),
  /** The library as a REFI-QDA project (.qdpx, a zip: its content is base64) for NVivo, ATLAS.ti, MAXQDA. */
  'export.qdpx': z.object({}).strict(),
  /** The codebook alone as a REFI-QDA codebook (.qdc): actors and themes as codes. */
  'export.qdc': z.object({}).strict(),
  'library.restoreArchive': z
    .object({
      json: z.string().min(1, 'Choose an archive to restore.').max(512 * 1024 * 1024, 'The archive is too large to restore here.'),
      /** The PDFs and EPUBs the archive refers to without carrying them (an answer's `filesNeeded`); any others are ignored. */
      files: z.array(UploadedFile).max(1_000, 'Give at most 1,000 files at once.').optional(),
    })
    .strict(),
  /**
   * A REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA or Fieldbook: its text sources, codes
   * and text selections become documents, themes (and, from Fieldbook, actors) and highlights, all
   * in one transaction or not at all.
   */
  'library.importQdpx': z.object({ file: UploadedFile }).strict(),
  'analysis.network': z.object(NetworkFilterFields).strict().refine(publishedInOrder, PUBLISHED_ORDER),
  'analysis.linkPassages': z
    .object({ source: Id, target: Id, ...NetworkFilterFields })
    .strict()
    .refine((f) => f.source !== f.target, { message: 'A link joins two different actors.', path: ['target'] })
    .refine(publishedInOrder, PUBLISHED_ORDER),
  'export.network': z
    .object({
      format: z.enum(['graphml', 'gexf', 'csv'], { error: 'The network is exported as graphml, gexf or csv.' }),
      bom: z.boolean().optional(),
      ...NetworkFilterFields,
    })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  /** Every theme against every theme or every actor: how many live passages carry both. */
  'analysis.coOccurrence': z
    .object({ against: CoOccurrenceAgainst, ...PassageFilterFields })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  /** The passages behind one cell: those carrying the theme and the other theme or actor. */
  'analysis.coOccurrencePassages': z
    .object({
      themeId: Id,
      with: z
        .object({
          kind: z.enum(['theme', 'actor'], { error: 'A cell pairs a theme with a theme or an actor.' }),
          id: Id,
        })
        .strict(),
      ...PassageFilterFields,
    })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  /** The matrix as CSV: a theme (by its path) per line, a count per column. */
  'export.coOccurrence': z
    .object({ against: CoOccurrenceAgainst, bom: z.boolean().optional(), ...PassageFilterFields })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  'backup.now': z.object({}).strict(),
  'backup.list': z.object({}).strict(),
  /** Dated passages in the analyses' scope, earliest first; `suggestions: false` leaves out the dates still to decide. */
  'timeline.events': z
    .object({ suggestions: z.boolean().optional(), ...PassageFilterFields })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  'timeline.highlightDates': z.object({ highlightId: Id }).strict(),
  /** Confirms a suggested date, dates a passage by hand, or (with `replacing`) corrects a suggestion. */
  'timeline.confirm': z
    .object({
      highlightId: Id,
      date: EventDate,
      found: z.string().max(200, 'The words a date was read from can be at most 200 characters.').optional(),
      replacing: EventDate.optional(),
    })
    .strict(),
  /** Sets a suggested date aside, or takes a confirmed one off the timeline; it is not suggested again. */
  'timeline.dismiss': z.object({ highlightId: Id, date: EventDate }).strict(),
  'export.timeline': z
    .object({
      format: z.enum(['csv', 'markdown'], { error: 'The timeline is exported as csv or markdown.' }),
      bom: z.boolean().optional(),
      ...PassageFilterFields,
    })
    .strict()
    .refine(publishedInOrder, PUBLISHED_ORDER),
  'ach.list': z.object({}).strict(),
  /** The matrix with its scores and each item's diagnosticity. */
  'ach.get': z.object({ id: Id }).strict(),
  'ach.create': z.object({ name: AnalysisName, question: AnalysisQuestion.optional() }).strict(),
  /** Renames, re-asks, or switches weighing by source grade; what is omitted stays. */
  'ach.update': z.object({ id: Id, name: AnalysisName.optional(), question: AnalysisQuestion.optional(), weighByGrade: z.boolean().optional() }).strict(),
  'ach.delete': z.object({ id: Id }).strict(),
  'ach.addHypothesis': z.object({ analysisId: Id, text: HypothesisText }).strict(),
  'ach.updateHypothesis': z.object({ id: Id, text: HypothesisText }).strict(),
  'ach.removeHypothesis': z.object({ id: Id }).strict(),
  /** A passage (highlightId) or a typed item (text), one of the two. */
  'ach.addEvidence': z
    .object({ analysisId: Id, highlightId: Id.optional(), text: EvidenceText.optional(), weight: EvidenceWeight.optional() })
    .strict()
    .refine((e) => (e.highlightId === undefined) !== (e.text === undefined), {
      message: 'Evidence is a highlight or a typed text, one of the two.',
      path: ['text'],
    }),
  'ach.updateEvidence': z.object({ id: Id, text: EvidenceText.optional(), weight: EvidenceWeight.optional() }).strict(),
  'ach.removeEvidence': z.object({ id: Id }).strict(),
  /** null clears the cell (it reads as N). */
  'ach.rate': z.object({ evidenceId: Id, hypothesisId: Id, rating: AchRatingInput.nullable() }).strict(),
  /** The matrix, scores and quotes as CSV or Markdown. */
  'export.ach': z
    .object({ id: Id, format: z.enum(['csv', 'markdown'], { error: 'An analysis is exported as csv or markdown.' }), bom: z.boolean().optional() })
    .strict(),
} as const;

export type OpName = keyof typeof opInputs;
export type OpInput<N extends OpName> = z.input<(typeof opInputs)[N]>;
export type ParsedOpInput<N extends OpName> = z.output<(typeof opInputs)[N]>;

export interface OpOutputs {
  'documents.list': DocumentSummary[];
  'documents.get': DocumentFull;
  'documents.import': ImportOutcome[];
  'documents.replace': ReplaceReport;
  /** Where the document was left (an offset into its text), or null if it never was. */
  'documents.readingPosition': { offset: number | null };
  'documents.outline': DocumentOutline;
  'documents.saveReadingPosition': { offset: number };
  'documents.update': DocumentSummary;
  'documents.grade': DocumentSummary;
  'documents.tags': Array<{ tag: string; documentCount: number }>;
  /** A PDF's pages or an EPUB's chapters, with the file's kind and outline; no file and no parts for any other document. */
  'documents.parts': DocumentParts;
  /** The bytes a PDF or EPUB came as, base64 (as files travel into documents.import), for a viewer that draws its pages. */
  'documents.file': { mediaType: DocumentFileInfo['mediaType']; fileName: string | null; base64: string };
  'collections.list': Collection[];
  'collections.create': Collection;
  'collections.rename': Collection;
  'collections.delete': Collection;
  /** In reading order; orphans (which have no place) last. */
  'highlights.list': Highlight[];
  'highlights.all': AllHighlights;
  'highlights.create': Highlight;
  'highlights.createArea': Highlight;
  'highlights.update': Highlight;
  'highlights.grade': Highlight;
  'highlights.delete': Highlight;
  'highlights.restore': Highlight;
  'highlights.tag': Highlight;
  'highlights.untag': Highlight;
  'highlights.tagMany': { tagged: number };
  'highlights.tagTheme': Highlight;
  'highlights.untagTheme': Highlight;
  'highlights.tagManyTheme': { tagged: number };
  'themes.list': ThemeNode[];
  'themes.create': Theme;
  'themes.update': Theme;
  'themes.delete': { theme: Theme; tagsRemoved: number; subThemesMoved: number };
  'themes.merge': Theme;
  'themes.page': ThemePage;
  'actors.list': Actor[];
  'actors.create': Actor;
  'actors.update': Actor;
  'actors.delete': { actor: Actor; tagsRemoved: number };
  'actors.merge': Actor;
  'actors.page': ActorPage;
  'actors.mentions': ActorMention[];
  /** `ids`: the judgements this call recorded or changed, which undo forgets. */
  'actors.acceptMentions': { accepted: number; ids: number[] };
  'actors.rejectMention': { id: number };
  'actors.forgetMentions': { forgotten: number };
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
  'export.highlightsSelection': ExportedFile;
  'export.archive': ExportedFile;
  'export.vault': ExportedFolder;
  'export.qdpx': ExportedFile;
  'export.qdc': ExportedFile;
  /** What was restored, or (nothing written) the files the archive refers to that are still to be given. */
  'library.restoreArchive': RestoreAnswer;
  'library.importQdpx': QdpxImportReport;
  'backup.now': BackupInfo;
  'backup.list': BackupInfo[];
  'analysis.network': ActorNetwork;
  'analysis.linkPassages': NetworkLinkPassages;
  'export.network': ExportedFile;
  'analysis.coOccurrence': CoOccurrence;
  'analysis.coOccurrencePassages': CoOccurrencePassages;
  'export.coOccurrence': ExportedFile;
  'timeline.events': Timeline;
  'timeline.highlightDates': HighlightDates;
  'timeline.confirm': HighlightDates;
  'timeline.dismiss': HighlightDates;
  'export.timeline': ExportedFile;
  'ach.list': AnalysisSummary[];
  'ach.get': Analysis;
  'ach.create': Analysis;
  'ach.update': Analysis;
  'ach.delete': AnalysisSummary;
  'ach.addHypothesis': Analysis;
  'ach.updateHypothesis': Analysis;
  'ach.removeHypothesis': Analysis;
  'ach.addEvidence': Analysis;
  'ach.updateEvidence': Analysis;
  'ach.removeEvidence': Analysis;
  'ach.rate': Analysis;
  'export.ach': ExportedFile;
}

/** `cancelled`: the caller stopped a long operation; its message says what, if anything, was kept. */
export type OpErrorCode = 'invalid_input' | 'unknown_op' | 'not_found' | 'conflict' | 'refused' | 'library_unavailable' | 'cancelled' | 'internal';
export interface OpError {
  code: OpErrorCode;
  message: string;
  /** For invalid input: the field refused, as a path into the input ("collectionIds.2"), so a form can show the message under it. */
  field?: string;
  /** An encrypted PDF refused for want of its password, or with a wrong one: ask for it and call again with it. */
  password?: 'needed' | 'wrong';
}
/**
 * `change`: what the call committed, when it wrote anything, so the caller's window refreshes at
 * once without waiting to hear it from the change feed (the feed says it again; `seq` tells).
 */
export type OpResult<T> = { ok: true; value: T; change?: LibraryChange } | { ok: false; error: OpError };

/**
 * What File > Import… brought in: each file's outcome, and the bytes of every encrypted PDF among
 * them (`outcome`: its place in `outcomes`), so the window can ask for its password and send it
 * again as it does for a file chosen with Import.
 */
export interface MenuImport {
  outcomes: ImportOutcome[];
  locked: Array<{ outcome: number; name: string; base64: string }>;
}

/** What the preload exposes as window.fieldbook and what the browser host's client implements. */
export interface FieldbookApi {
  /** With `tracking`, a long operation (import, restore, reindex, archive export) reports its progress as it goes. */
  call<N extends OpName>(name: N, input: OpInput<N>, tracking?: CallTracking): Promise<OpResult<OpOutputs[N]>>;
  /**
   * Asks the tracked call `callId` to stop at its next safe point. Its answer still comes: an
   * import's says which files got in; a restore's or an archive's is a `cancelled` error.
   */
  cancel(callId: string): void;
  /**
   * Electron only: outcomes of an import started from the app menu (File > Import…), which the
   * shell runs through the same table. Returns a function that stops listening.
   */
  onMenuImport?(listener: (menuImport: MenuImport) => void): () => void;
  /**
   * Every write committed to the library, by this window, another one or the command line, as
   * it lands. `connected` is called when the feed (re)starts: what changed while it was down is
   * unknown, so everything shown should be read again. Returns a function that stops listening.
   */
  onChange(listener: (change: LibraryChange) => void, connected?: () => void): () => void;
}

export const OP_NAMES = Object.keys(opInputs) as OpName[];
export const isOpName = (name: unknown): name is OpName => typeof name === 'string' && Object.hasOwn(opInputs, name);
