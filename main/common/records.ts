/** The records the operations answer with: plain types, shared by the core and every caller. */
import type { Credibility, Reliability } from './admiralty';
import type { AnalysisSearchResult } from './hypotheses';
import type { NoteBody } from './note-format';

export const HIGHLIGHT_COLOURS = ['yellow', 'red', 'green', 'blue', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export const ACTOR_KINDS = ['person', 'group', 'state', 'place', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_COLOURS = ['#b4541a', '#2f6f9f', '#7a4a9e', '#2e7d4f', '#a3364a', '#8a6d1f', '#3f6b6b', '#5b5f97'] as const;

export interface DocumentSummary {
  id: number;
  uid: string;
  title: string;
  /** What the page printed as its author line at import; `authors` is what the person keeps. */
  byline: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  format: 'html' | 'markdown' | 'text';
  wordCount: number;
  importedAt: string;
  updatedAt: string;
  /** In the order a citation names them. */
  authors: string[];
  /** A partial ISO date: "2012", "2012-03" or "2012-03-14" (see document-details.ts). */
  published: string | null;
  /** The publisher, or the outlet a piece appeared in. */
  publisher: string | null;
  /** A BCP 47 tag: "en", "fr-CA". */
  language: string | null;
  /** A free line, as the person wants the document cited. */
  citation: string | null;
  /** Free tags, A to Z. */
  tags: string[];
  /** The collections it is in, by id. */
  collectionIds: number[];
  /** When it was last read in (its reading position saved); null if never. */
  lastOpenedAt: string | null;
  /**
   * The Admiralty code's source reliability, A to F (see admiralty.ts); null when not graded.
   * Always present in what the core answers: optional only so records built before grading (the
   * renderer's test fixtures) still type.
   */
  reliability?: Reliability | null;
  /** The credibility, 1 to 6, its passages have unless they carry their own; null when not graded. */
  credibility?: Credibility | null;
}

/** A named set of documents; a document can be in several. */
export interface Collection {
  id: number;
  uid: string;
  name: string;
  documentCount: number;
  createdAt: string;
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
  /** Themes the passage is coded with, by id. */
  themeIds: number[];
  createdAt: string;
  updatedAt: string;
  /**
   * The passage's own credibility, 1 to 6; null when it takes its document's. Always present in
   * what the core answers, as is `grade` (optional only so older test fixtures still type).
   */
  credibility?: Credibility | null;
  /** The grade the passage is shown with: its document's reliability, and its own credibility or else its document's. */
  grade?: PassageGrade;
  /**
   * For an area highlight (a rectangle on a PDF's page: a table, a figure, a scan), where it is;
   * null for a highlight of text. An area's text fields are empty (`exact`, `prefix`, `suffix`
   * are '') and `start` = `end` = its page's first offset, so it sorts at the top of its page.
   * Always present in what the core answers (optional only so older test fixtures still type).
   */
  area?: HighlightArea | null;
}

/**
 * A rectangle on a PDF's page, in fractions (0 to 1) of the page's width and height, origin at the
 * top-left corner, as the page is shown unrotated: the same place at any zoom and on any screen.
 */
export interface HighlightArea {
  /** 1-based page number (the PDF's own order, whatever its printed label). */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A passage's Admiralty grade as shown: "B2", and whether the 2 is its document's. */
export interface PassageGrade {
  /** Its document's source reliability; null when the document is not graded. */
  reliability: Reliability | null;
  /** Its own credibility, else its document's; null when neither is graded. */
  credibility: Credibility | null;
  /** Whether `credibility` is its document's (the passage carries none of its own), so a card can say so. */
  credibilityFromDocument: boolean;
}

export interface Actor {
  id: number;
  uid: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  /** The uids of actors merged into this one: notes' mentions of them are mentions of this actor. */
  formerUids: string[];
  description: string;
  colour: string;
  /** Live highlights tagged with this actor. */
  tagCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `suggested`: the actor's name or alias is there and nobody has judged it yet. `accepted`: the
 * person said it is the actor (or, before mentions were kept apart, tagged a highlight covering
 * exactly these words). `rejected`: the person said "Not this actor"; no longer suggested.
 */
export type MentionStatus = 'suggested' | 'accepted' | 'rejected';

/** A theme of the codebook: a code passages are tagged with, perhaps under another theme. */
export interface Theme {
  id: number;
  uid: string;
  /** The theme it sits under; null at the top of the codebook. */
  parentId: number | null;
  name: string;
  colour: string;
  /** Its definition, as a codebook gives it. */
  description: string;
  /** Live highlights tagged with this theme itself (not its sub-themes). */
  passageCount: number;
  createdAt: string;
  updatedAt: string;
}

/** The codebook as a tree: each theme with its sub-themes, A to Z at every level. */
export interface ThemeNode extends Theme {
  children: ThemeNode[];
}

export interface ThemePage {
  theme: Theme;
  /** The themes above it, from the top of the codebook down. */
  path: Array<Pick<Theme, 'id' | 'name'>>;
  children: Array<Pick<Theme, 'id' | 'name' | 'colour' | 'passageCount'>>;
  /** Every live passage tagged with the theme, by document then reading order (at most 500). */
  passages: ActorPassage[];
  passageCount: number;
}

/**
 * Co-occurrence (issue #18): how many live passages carry both a theme and another theme, or a
 * theme and an actor. A theme counts the passages coded with it directly, not its sub-themes'
 * (as NVivo and ATLAS.ti count by default), so a parent's row never hides where its codings are.
 */
export type CoOccurrenceAgainst = 'themes' | 'actors';

export interface CoOccurrenceTheme {
  kind: 'theme';
  id: number;
  name: string;
  colour: string;
  /** 0 at the top of the codebook, so a table can indent the row. */
  depth: number;
  /** Names from the top of the codebook down to this theme, its own last. */
  path: string[];
  /** Live passages coded with the theme itself, within the filter. */
  passageCount: number;
}

export interface CoOccurrenceActor {
  kind: 'actor';
  id: number;
  name: string;
  colour: string;
  actorKind: ActorKind;
  /** Live passages tagged with the actor, within the filter. */
  passageCount: number;
}

export type CoOccurrenceColumn = CoOccurrenceTheme | CoOccurrenceActor;

export interface CoOccurrenceRow extends CoOccurrenceTheme {
  /**
   * Passages carrying both this theme and the column's theme or actor, one per column in column
   * order. Against themes, the diagonal is the theme's own passage count (every passage carries a
   * theme "together with" itself), and its cell opens those passages.
   */
  counts: number[];
}

export interface CoOccurrence {
  against: CoOccurrenceAgainst;
  /** Every theme of the codebook, in its tree order (A to Z at every level, parents before their sub-themes), empty ones too. */
  rows: CoOccurrenceRow[];
  /** Against themes: the same themes as the rows. Against actors: each actor tagged on a passage within the filter, A to Z. */
  columns: CoOccurrenceColumn[];
}

/** The passages behind one cell of the matrix. */
export interface CoOccurrencePassages {
  theme: CoOccurrenceTheme;
  with: CoOccurrenceColumn;
  /** By document, then reading order (at most 500). */
  passages: ActorPassage[];
  /** All of them, when more than the list holds. */
  total: number;
}

export interface ActorMention {
  actorId: number;
  start: number;
  end: number;
  text: string;
  status: MentionStatus;
  /** The recorded judgement, which undo forgets; null for a suggestion or a mention accepted as a tagged highlight. */
  recordId: number | null;
}

/** An accepted mention as the actor's page lists it: where it is and the sentence it is in. */
export interface ActorPageMention {
  id: number;
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  /** The sentence, whitespace runs read as one space, cut with an ellipsis when very long. */
  before: string;
  match: string;
  after: string;
}

/** A highlight listed with others from the whole library: it says which document it is in. */
export interface LibraryHighlight extends Highlight {
  documentTitle: string;
}

export interface AllHighlights {
  /** How many highlights match, though at most `atMost` are listed. */
  total: number;
  atMost: number;
  highlights: LibraryHighlight[];
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
  /** The mentions accepted as this actor, by document then reading order (at most 500): apart from tagged passages. */
  mentions: ActorPageMention[];
  mentionCount: number;
  notes: Array<{ id: number; title: string; updatedAt: string }>;
  cooccurring: Array<{ actor: Pick<Actor, 'id' | 'name' | 'kind' | 'colour'>; count: number }>;
}

export interface NoteSummary {
  id: number;
  uid: string;
  title: string;
  /** The first line of the body's text; in a backlink, the sentence that refers to the target. */
  excerpt: string;
  createdAt: string;
  updatedAt: string;
}

export interface Note extends NoteSummary {
  /** Lexical's serialized editor state. */
  body: NoteBody;
  bodyText: string;
  /**
   * Where each passage the body quotes is in this library, by its highlight's uid: the body names
   * a passage by uid, and the reader opens one by ids. A passage this library lacks has no entry.
   */
  passages: Record<string, { highlightId: number; documentId: number }>;
}

/** A passage with the words that matched marked; plain text pieces, never HTML. */
export type Snippet = Array<{ text: string; mark: boolean }>;

export interface SearchResults {
  documents: Array<{
    id: number;
    title: string;
    snippet: Snippet;
    match: { start: number; end: number } | null;
    /** Where the passage is: "p. 12" (a PDF's printed label), an EPUB chapter's title; null without pages or chapters, or without a passage. */
    place: string | null;
  }>;
  highlights: Array<{
    id: number;
    documentId: number;
    documentTitle: string;
    colour: HighlightColour;
    snippet: Snippet;
    /** Where the highlight starts, cited as for a document's passage; null for an orphaned one. */
    place: string | null;
  }>;
  notes: Array<{ id: number; title: string; snippet: Snippet }>;
  actors: Array<{ id: number; name: string; kind: ActorKind; colour: string; snippet: Snippet }>;
  themes: Array<{ id: number; name: string; colour: string; snippet: Snippet }>;
  /** Analyses of competing hypotheses, each by the piece of it that matched best. */
  analyses: AnalysisSearchResult[];
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
  /** `password`: an encrypted PDF, refused for want of its password or with a wrong one; given it, it imports. */
  | { fileName: string; status: 'refused'; message: string; password?: 'needed' | 'wrong' }
  /** Not looked at: the import was stopped before this file's turn. */
  | { fileName: string; status: 'cancelled'; message: string };

/**
 * What importing a REFI-QDA project (.qdpx) did: what it added, what the library already held
 * (matched, not duplicated), and by name what Fieldbook cannot hold and so left out.
 */
export interface QdpxImportReport {
  fileName: string;
  project: { name: string; origin: string };
  documentsAdded: Array<{ id: number; title: string }>;
  /** Sources whose text the library already held: their selections were placed on that document. */
  documentsFound: Array<{ id: number; title: string }>;
  themesAdded: Array<{ id: number; name: string }>;
  actorsAdded: Array<{ id: number; name: string }>;
  highlightsAdded: number;
  /** Selections the library had already highlighted at the same place: their codes were added to that highlight. */
  highlightsFound: number;
  notesAdded: Array<{ id: number; title: string }>;
  /** `kind` says what it is ("audio source", "PDF", "selection", "set"…), `reason` why it was left out. */
  skipped: Array<{ kind: string; name: string; reason: string }>;
}

/** One exported file for the caller to save; content is text (UTF-8), or base64 bytes when `encoding` says so (a zip). */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
  encoding?: 'base64';
}
/** A folder of exported files (the Obsidian vault), paths '/'-separated inside folderName. */
export interface ExportedFolder {
  folderName: string;
  files: Array<{
    path: string;
    content: string;
    /** A file that is bytes, not text (a PDF or EPUB the vault carries): content is base64. */
    encoding?: 'base64';
  }>;
}
export interface RestoreCounts {
  documents: number;
  highlights: number;
  actors: number;
  /** Judged mentions (accepted or "Not this actor"). */
  mentions: number;
  notes: number;
  links: number;
  themes: number;
  /** Analyses of competing hypotheses; present when the archive holds any. */
  analyses?: number;
}
export interface RestoreReport {
  added: RestoreCounts;
  unchanged: RestoreCounts;
  /** Rows the archive and the library both have in different versions; the library's was kept. */
  conflicts: Array<{ kind: 'document' | 'highlight' | 'actor' | 'note'; uid: string; title: string; reason: string }>;
}
/**
 * How a library-wide export keeps the PDFs and EPUBs its documents came as: `include` carries
 * their bytes; `refer` only names each (file name, size, SHA-256), for a person who keeps the
 * files elsewhere and wants a small export. A restore then asks for the files it lacks.
 */
export const ORIGINAL_FILE_CHOICES = ['include', 'refer'] as const;
export type OriginalFiles = (typeof ORIGINAL_FILE_CHOICES)[number];
/** A PDF or EPUB an archive refers to and does not carry: what to look for, and how it is known (its bytes' SHA-256). */
export interface ArchivedFileReference {
  /** The document's title, to say which document needs it. */
  title: string;
  /** The name it was imported as, when known. */
  fileName: string | null;
  mediaType: 'application/pdf' | 'application/epub+zip';
  byteSize: number;
  sha256: string;
}
/**
 * A restore that could not run for want of files the archive refers to: nothing was written, and
 * the same archive restores once they are given.
 */
export interface RestoreFilesNeeded {
  filesNeeded: ArchivedFileReference[];
}
export type RestoreAnswer = RestoreReport | RestoreFilesNeeded;
export interface BackupInfo {
  file: string;
  name: string;
  /** When the backup was made (UTC, from its name). */
  createdAt: string;
  size: number;
}
