import type { ArchivedFileReference, RestoreAnswer, RestoreReport } from '../../common/records';
import { filesBySha256, FilesNeededError, type GivenFile } from './archive-file-references';
import { restoreAnalyses } from '../hypotheses/analysis-archive';
import type Database from 'better-sqlite3';
import type { Library } from '../db/library';
import { documentText, writeDocumentBody } from '../documents/document-body';
import { prepare } from '../db/prepare';
import { stopIfCancelled, type Task } from '../task';
import { anchor, AnchorTarget, describeRange } from '../highlights/anchor';
import { areaCaptionOf } from '../documents/document-parts';
import { headOf, wholeCodePoints } from '../text/code-points';
import { nameKey } from '../../common/fold-text';
import { tagKey } from '../../common/document-details';
import {
  parseLibraryArchive,
  type ArchiveActorRow,
  type ArchiveDocumentRow,
  type ArchiveHighlightRow,
  type LibraryArchive,
} from './library-archive';

type Kind = 'document' | 'highlight' | 'actor' | 'note';

/** What a highlight and a judged mention both keep of their place. */
type PlacedRow = Pick<ArchiveHighlightRow, 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'positionStart' | 'positionEnd' | 'anchorStatus'>;

/**
 * Restores an archive into this library in one transaction. Into an empty library the result
 * is the archived library, row for row and id for id. Into one in use it merges: rows already
 * here (same uid; documents also by content) are matched, not duplicated; new rows are added
 * under fresh ids where theirs are taken, with every reference between rows remapped. Notes'
 * bodies are written as they are: they name what they refer to by uid, which is the same here.
 * Where both sides changed a row, the library's version is kept and the difference is
 * reported: a restore never overwrites work.
 */
export function restoreArchive(library: Library, input: string | unknown, task?: Task, given: readonly GivenFile[] = []): RestoreReport {
  task?.report({ done: 0, total: RESTORE_STAGES.length + 1, message: 'Checking the archive' });
  const archive = parseLibraryArchive(input);
  // A stop inside the transaction throws, and the throw rolls every row of this restore back.
  return library.write(() => new ArchiveMerge(library, archive, task, filesBySha256(given)).run());
}

/**
 * The door's restore: an archive that refers to files neither given nor already in the library
 * is answered with the list of them (nothing written), for the person to find and give.
 */
export function restoreArchiveAnswer(library: Library, input: string | unknown, task?: Task, given: readonly GivenFile[] = []): RestoreAnswer {
  try {
    return restoreArchive(library, input, task, given);
  } catch (error) {
    if (error instanceof FilesNeededError) return { filesNeeded: error.files };
    throw error;
  }
}

const CANCELLED = 'Nothing was restored: the restore was cancelled, and the library is as it was.';

/** In the order they are written: each refers only to kinds restored before it. */
const RESTORE_STAGES = ['documents', 'actors', 'highlights', 'actor tags', 'mentions', 'notes', 'links', 'collections', 'themes', 'analyses'] as const;

class ArchiveMerge {
  private readonly db;
  private readonly report: RestoreReport = {
    added: { documents: 0, highlights: 0, actors: 0, mentions: 0, notes: 0, links: 0, themes: 0 },
    unchanged: { documents: 0, highlights: 0, actors: 0, mentions: 0, notes: 0, links: 0, themes: 0 },
    conflicts: [],
  };
  /** Archive id → library id, per kind. */
  private readonly idMap: Record<Kind, Map<number, number>> = { document: new Map(), highlight: new Map(), actor: new Map(), note: new Map() };
  /** Archive ids of the rows this restore added (their tags and links are the archive's to give). */
  private readonly added: Record<Kind, Set<number>> = { document: new Set(), highlight: new Set(), actor: new Set(), note: new Set() };
  /** Whether the library held rows of a kind beforehand; if not, an id nothing in the archive claims cannot point at anything of the library's. */
  private readonly hadRows: Record<Kind, boolean> = { document: false, highlight: false, actor: false, note: false };
  /** Library documents whose text differs from the archive's, so archived highlights must be re-anchored on them. */
  private readonly changedText = new Map<number, AnchorTarget>();
  /** Content of the documents a brand-new library came with, counted as unchanged when the archive brings them back. */
  private pristineHashes = new Set<string>();

  constructor(
    private readonly library: Library,
    private readonly archive: LibraryArchive,
    private readonly task: Task | undefined,
    /** The bytes given for the files the archive refers to, by their SHA-256. */
    private readonly given: ReadonlyMap<string, Uint8Array>,
  ) {
    this.db = library.db;
  }

  run(): RestoreReport {
    this.clearPristineLibrary();
    const stages: Record<(typeof RESTORE_STAGES)[number], () => void> = {
      documents: () => this.restoreDocuments(),
      actors: () => this.restoreActors(),
      // A passage's dates (the timeline's) come back with it.
      highlights: () => {
        this.restoreHighlights();
        this.restoreHighlightDates();
      },
      'actor tags': () => this.restoreTags(),
      mentions: () => this.restoreMentions(),
      notes: () => this.restoreNotes(),
      links: () => this.restoreLinks(),
      collections: () => this.restoreCollections(),
      themes: () => this.restoreThemes(),
      analyses: () => this.restoreAnalyses(),
    };
    RESTORE_STAGES.forEach((stage, index) => {
      stopIfCancelled(this.task, CANCELLED);
      this.task?.report({ done: index + 1, total: RESTORE_STAGES.length + 1, message: `Restoring ${stage}` });
      stages[stage]();
    });
    stopIfCancelled(this.task, CANCELLED);
    return this.report;
  }

  /**
   * Collections are matched by uid, then by name (a collection of the same name here is the same
   * collection); the others are added. A document joins a collection only when one of the two is
   * new here: when both were already in the library, its membership is the library's to say.
   */
  private restoreCollections(): void {
    const existing = this.db.prepare('SELECT id, uid, name_key FROM collections').all() as Array<{ id: number; uid: string; name_key: string }>;
    const byUid = new Map(existing.map((c) => [c.uid, c.id]));
    const byName = new Map(existing.map((c) => [c.name_key, c.id]));
    const used = new Set(existing.map((c) => c.id));
    const insert = this.db.prepare(
      'INSERT INTO collections (id, uid, name, name_key, created_at, updated_at) VALUES (@id, @uid, @name, @nameKey, @createdAt, @updatedAt)',
    );
    const idMap = new Map<number, number>();
    const added = new Set<number>();
    for (const collection of this.archive.collections) {
      const same = byUid.get(collection.uid) ?? byName.get(nameKey(collection.name));
      if (same !== undefined) {
        idMap.set(collection.id, same);
        continue;
      }
      const id = this.insertWithId(insert, used, collection.id, { ...collection, nameKey: nameKey(collection.name) });
      idMap.set(collection.id, id);
      byName.set(nameKey(collection.name), id);
      added.add(collection.id);
    }
    const join = this.db.prepare('INSERT OR IGNORE INTO document_collections (document_id, collection_id) VALUES (?, ?)');
    for (const m of this.archive.documentCollections) {
      if (!this.added.document.has(m.documentId) && !added.has(m.collectionId)) continue;
      join.run(this.idMap.document.get(m.documentId)!, idMap.get(m.collectionId)!);
    }
  }

  /**
   * Themes are matched by uid, then by name among the same parent's themes (a codebook's
   * "Financing" under the same theme is the same theme); the others are added, parents before
   * their sub-themes. A tag is the archive's to add only when its highlight or its theme is new here.
   */
  private restoreThemes(): void {
    const existing = this.db.prepare('SELECT id, uid, parent_id, name_key FROM themes').all() as Array<{ id: number; uid: string; parent_id: number | null; name_key: string }>;
    const byUid = new Map(existing.map((t) => [t.uid, t.id]));
    const siblingKey = (parentId: number | null, key: string) => `${parentId ?? 0}:${key}`;
    const byName = new Map(existing.map((t) => [siblingKey(t.parent_id, t.name_key), t.id]));
    const used = new Set(existing.map((t) => t.id));
    const insert = this.db.prepare(
      `INSERT INTO themes (id, uid, parent_id, name, name_key, colour, description, created_at, updated_at)
       VALUES (@id, @uid, @parentId, @name, @nameKey, @colour, @description, @createdAt, @updatedAt)`,
    );
    const idMap = new Map<number, number>();
    const added = new Set<number>();
    // The archive's references were checked to form a tree, so each pass places at least one theme.
    let pending = [...this.archive.themes];
    while (pending.length > 0) {
      const ready = pending.filter((t) => t.parentId === null || idMap.has(t.parentId));
      pending = pending.filter((t) => !ready.includes(t));
      for (const theme of ready) {
        const parentId = theme.parentId === null ? null : idMap.get(theme.parentId)!;
        const key = nameKey(theme.name) || theme.uid;
        const same = byUid.get(theme.uid) ?? byName.get(siblingKey(parentId, key));
        if (same !== undefined) {
          idMap.set(theme.id, same);
          this.report.unchanged.themes++;
          continue;
        }
        const id = this.insertWithId(insert, used, theme.id, { ...theme, parentId, nameKey: key });
        idMap.set(theme.id, id);
        byName.set(siblingKey(parentId, key), id);
        added.add(theme.id);
        this.report.added.themes++;
      }
      if (ready.length === 0) break;
    }
    const tag = this.db.prepare('INSERT OR IGNORE INTO highlight_themes (highlight_id, theme_id) VALUES (?, ?)');
    for (const t of this.archive.highlightThemes) {
      if (!this.added.highlight.has(t.highlightId) && !added.has(t.themeId)) continue;
      tag.run(this.idMap.highlight.get(t.highlightId)!, idMap.get(t.themeId)!);
    }
  }

  /** Counted only when the archive holds analyses, so a report of an archive without them reads as before. */
  private restoreAnalyses(): void {
    if (this.archive.analyses.length === 0) return;
    const counts = restoreAnalyses(this.db, this.archive.analyses, (id) => this.idMap.highlight.get(id));
    this.report.added.analyses = counts.added;
    this.report.unchanged.analyses = counts.unchanged;
  }

  /**
   * A passage's dates come back with it: the events confirmed and the suggestions dismissed (so a
   * dismissed one stays dismissed). Where the library already decided the same passage's same
   * date, the library's decision is kept.
   */
  private restoreHighlightDates(): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO highlight_dates (highlight_id, date, status, found, created_at, updated_at)
       VALUES (@highlightId, @date, @status, @found, @createdAt, @updatedAt)`,
    );
    for (const row of this.archive.highlightDates) {
      const highlightId = this.idMap.highlight.get(row.highlightId);
      if (highlightId !== undefined) insert.run({ ...row, highlightId });
    }
  }

  /**
   * A brand-new library already holds the bundled article. When that (or nothing) is all it
   * holds and the archive has the same text, the library is taken as empty: the article is
   * removed so the archive's own row (uid, dates) comes back exactly as it was.
   */
  private clearPristineLibrary(): void {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    if (count('highlights') + count('actors') + count('notes') + count('links') + count('themes') + count('analyses') > 0) return;
    const archivedHashes = new Set(this.archive.documents.map((d) => d.contentHash));
    // A file the archive only names is one this library's copy must give: that document stays.
    const namedOnly = new Set(this.archive.documents.filter((d) => d.file !== null && d.file.base64 === undefined).map((d) => d.contentHash));
    const documents = this.db.prepare('SELECT id, content_hash FROM documents').all() as Array<{ id: number; content_hash: string }>;
    if (!documents.every((d) => archivedHashes.has(d.content_hash) && !namedOnly.has(d.content_hash))) return;
    const remove = this.db.prepare('DELETE FROM documents WHERE id = ?');
    for (const d of documents) remove.run(d.id);
    this.pristineHashes = new Set(documents.map((d) => d.content_hash));
  }

  private restoreDocuments(): void {
    const existing = this.db.prepare('SELECT id, uid, title, content_hash, updated_at FROM documents').all() as Array<{
      id: number;
      uid: string;
      title: string;
      content_hash: string;
      updated_at: string;
    }>;
    this.hadRows.document = existing.length > 0;
    const byUid = new Map(existing.map((d) => [d.uid, d]));
    const byHash = new Map(existing.map((d) => [d.content_hash, d]));
    const used = new Set(existing.map((d) => d.id));
    const insert = this.db.prepare(
      `INSERT INTO documents (id, uid, title, byline, source_url, file_name, format, word_count, content_hash, imported_at, updated_at,
         authors, published, publisher, language, citation, reliability, credibility)
       VALUES (@id, @uid, @title, @byline, @sourceUrl, @fileName, @format, @wordCount, @contentHash, @importedAt, @updatedAt,
         @authors, @published, @publisher, @language, @citation, @reliability, @credibility)`,
    );
    const insertTag = this.db.prepare('INSERT OR IGNORE INTO document_tags (document_id, tag, tag_key) VALUES (?, ?, ?)');
    const insertFile = this.db.prepare(
      `INSERT INTO document_files (document_id, media_type, sha256, byte_size, extraction, has_text, outline, bytes)
       VALUES (@documentId, @mediaType, @sha256, @byteSize, @extraction, @hasText, @outline, @bytes)`,
    );
    const insertPart = this.db.prepare(
      `INSERT INTO document_parts (document_id, kind, ordinal, label, start_offset, end_offset)
       VALUES (@documentId, @kind, @ordinal, @label, @startOffset, @endOffset)`,
    );
    const filesNeeded: ArchivedFileReference[] = [];
    for (const doc of this.archive.documents) {
      const same = byUid.get(doc.uid);
      if (same) {
        this.idMap.document.set(doc.id, same.id);
        if (same.content_hash === doc.contentHash && same.title === doc.title && same.updated_at === doc.updatedAt) {
          this.report.unchanged.documents++;
        } else {
          if (same.content_hash !== doc.contentHash) this.changedText.set(same.id, new AnchorTarget(documentText(this.library, same.id)!));
          this.conflict('document', doc.uid, same.title, 'This document differs from the archive’s version (replaced or renamed since); the library’s version was kept.');
        }
        continue;
      }
      const sameText = byHash.get(doc.contentHash);
      if (sameText) {
        // The same text imported separately on each side is one document, not a conflict.
        this.idMap.document.set(doc.id, sameText.id);
        this.report.unchanged.documents++;
        continue;
      }
      const { tags, file, html, text, ...row } = doc satisfies ArchiveDocumentRow;
      const bytes = file === null ? null : file.base64 !== undefined ? Buffer.from(file.base64, 'base64') : this.given.get(file.sha256);
      if (file && !bytes) {
        // Only a document this restore adds needs its file; the rest are looked for before one is refused.
        filesNeeded.push({ title: doc.title, fileName: doc.fileName, mediaType: file.mediaType, byteSize: file.byteSize!, sha256: file.sha256 });
        continue;
      }
      const id = this.insertWithId(insert, used, doc.id, { ...row, authors: JSON.stringify(row.authors) });
      writeDocumentBody(this.library, id, html, text);
      for (const tag of tags) insertTag.run(id, tag, tagKey(tag));
      if (file && bytes) {
        const { parts, base64: _carried, byteSize: _referred, ...kept } = file;
        insertFile.run({ ...kept, documentId: id, byteSize: bytes.byteLength, hasText: kept.hasText ? 1 : 0, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
        for (const part of parts) insertPart.run({ ...part, documentId: id });
      }
      this.idMap.document.set(doc.id, id);
      this.added.document.add(doc.id);
      if (this.pristineHashes.has(doc.contentHash)) this.report.unchanged.documents++;
      else this.report.added.documents++;
    }
    if (filesNeeded.length > 0) throw new FilesNeededError(filesNeeded);
  }

  private restoreActors(): void {
    const existing = this.db
      .prepare('SELECT id, uid, name, name_key, name_folded, kind, description, colour, created_at, updated_at FROM actors')
      .all() as Array<{
      id: number;
      uid: string;
      name: string;
      name_key: string;
      name_folded: string;
      kind: string;
      description: string;
      colour: string;
      created_at: string;
      updated_at: string;
    }>;
    this.hadRows.actor = existing.length > 0;
    const aliasRows = this.db.prepare('SELECT actor_id, alias, alias_key FROM actor_aliases ORDER BY actor_id, position').all() as Array<{
      actor_id: number;
      alias: string;
      alias_key: string;
    }>;
    const aliasesOf = new Map<number, string[]>();
    const aliasOwner = new Map<string, number>();
    for (const row of aliasRows) {
      aliasesOf.set(row.actor_id, [...(aliasesOf.get(row.actor_id) ?? []), row.alias]);
      aliasOwner.set(row.alias_key, row.actor_id);
    }
    const byUid = new Map(existing.map((a) => [a.uid, a]));
    const formerHolder = new Map(
      (this.db.prepare('SELECT uid, actor_id FROM actor_former_uids').all() as Array<{ uid: string; actor_id: number }>).map((row) => [row.uid, row.actor_id]),
    );
    const byNameKey = new Map<string, { id: number; name: string }>(existing.map((a) => [a.name_key, a]));
    const namesById = new Map(existing.map((a) => [a.id, a.name]));
    const foldedNames = new Map<string, Set<number>>();
    const addFolded = (folded: string, id: number) => foldedNames.set(folded, new Set([...(foldedNames.get(folded) ?? []), id]));
    for (const a of existing) addFolded(a.name_folded, a.id);
    const used = new Set(existing.map((a) => a.id));
    const insert = this.db.prepare(
      `INSERT INTO actors (id, uid, name, name_key, name_folded, kind, description, colour, created_at, updated_at)
       VALUES (@id, @uid, @name, @nameKey, @nameFolded, @kind, @description, @colour, @createdAt, @updatedAt)`,
    );
    const insertAlias = this.db.prepare('INSERT INTO actor_aliases (actor_id, position, alias, alias_key) VALUES (?, ?, ?, ?)');

    for (const actor of this.archive.actors) {
      const same = byUid.get(actor.uid);
      if (same) {
        this.idMap.actor.set(actor.id, same.id);
        this.claimFormerUids(same.id, actor.formerUids);
        const unchanged =
          same.name === actor.name &&
          same.kind === actor.kind &&
          same.description === actor.description &&
          same.colour === actor.colour &&
          same.updated_at === actor.updatedAt &&
          JSON.stringify(aliasesOf.get(same.id) ?? []) === JSON.stringify(actor.aliases.map((a) => a.alias));
        if (unchanged) this.report.unchanged.actors++;
        else this.conflict('actor', actor.uid, same.name, 'This actor differs from the archive’s version; the library’s version was kept.');
        continue;
      }
      const mergedInto = formerHolder.get(actor.uid);
      if (mergedInto !== undefined) {
        // Merged into another actor here since the archive was written: its passages and mentions follow it there.
        this.idMap.actor.set(actor.id, mergedInto);
        this.claimFormerUids(mergedInto, actor.formerUids);
        const theirs = namesById.get(mergedInto) ?? actor.name;
        this.conflict('actor', actor.uid, actor.name, `This actor was merged into “${theirs}” in this library; it was not added again, and its passages and mentions point at “${theirs}”.`);
        continue;
      }
      const namesake = byNameKey.get(actor.nameKey);
      const aliasHolder = aliasOwner.get(actor.nameFolded);
      const clash = namesake?.id ?? aliasHolder;
      if (clash !== undefined) {
        // Same name, different actor: what the archive says about it lands on the library's actor of that name,
        // its notes' mentions too (by its uid, which now answers for that actor).
        this.idMap.actor.set(actor.id, clash);
        this.claimFormerUids(clash, [actor.uid, ...actor.formerUids]);
        const theirs = namesById.get(clash) ?? actor.name;
        this.conflict(
          'actor',
          actor.uid,
          actor.name,
          namesake
            ? `A different actor in this library is already named “${theirs}”; the archive’s actor was not added, and its passages and mentions now point at “${theirs}”.`
            : `“${actor.name}” is an alias of the actor “${theirs}” in this library; the archive’s actor was not added, and its passages and mentions now point at “${theirs}”.`,
        );
        continue;
      }
      const id = this.insertWithId(insert, used, actor.id, actorParams(actor));
      this.idMap.actor.set(actor.id, id);
      this.claimFormerUids(id, actor.formerUids);
      this.added.actor.add(actor.id);
      this.report.added.actors++;
      byNameKey.set(actor.nameKey, { id, name: actor.name });
      namesById.set(id, actor.name);
      addFolded(actor.nameFolded, id);
      const skipped: string[] = [];
      for (const alias of actor.aliases) {
        const owner = aliasOwner.get(alias.aliasKey);
        const namedOther = [...(foldedNames.get(alias.aliasKey) ?? [])].some((other) => other !== id);
        if ((owner !== undefined && owner !== id) || namedOther) {
          skipped.push(alias.alias);
          continue;
        }
        insertAlias.run(id, alias.position, alias.alias, alias.aliasKey);
        aliasOwner.set(alias.aliasKey, id);
      }
      if (skipped.length > 0) {
        this.conflict(
          'actor',
          actor.uid,
          actor.name,
          `The alias${skipped.length > 1 ? 'es' : ''} ${skipped.map((s) => `“${s}”`).join(', ')} already name${skipped.length > 1 ? '' : 's'} another actor in this library, so ${skipped.length > 1 ? 'they were' : 'it was'} left off.`,
        );
      }
    }
  }

  private restoreHighlights(): void {
    const existing = this.db
      .prepare(
        `SELECT id, uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, anchor_status,
           colour, comment, created_at, updated_at, deleted_at, credibility, area_page, area_x, area_y, area_width, area_height
         FROM highlights`,
      )
      .all() as Array<Record<string, unknown> & { id: number; uid: string; quote_exact: string }>;
    this.hadRows.highlight = existing.length > 0;
    const byUid = new Map(existing.map((h) => [h.uid, h]));
    const used = new Set(existing.map((h) => h.id));
    const insert = this.db.prepare(
      `INSERT INTO highlights (id, uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
         anchor_status, colour, comment, created_at, updated_at, deleted_at, credibility, area_page, area_x, area_y, area_width, area_height)
       VALUES (@id, @uid, @documentId, @quoteExact, @quotePrefix, @quoteSuffix, @positionStart, @positionEnd,
         @anchorStatus, @colour, @comment, @createdAt, @updatedAt, @deletedAt, @credibility, @areaPage, @areaX, @areaY, @areaWidth, @areaHeight)`,
    );
    for (const h of this.archive.highlights) {
      const same = byUid.get(h.uid);
      if (same) {
        this.idMap.highlight.set(h.id, same.id);
        const unchanged =
          same.document_id === this.idMap.document.get(h.documentId) &&
          same.quote_exact === h.quoteExact &&
          same.quote_prefix === h.quotePrefix &&
          same.quote_suffix === h.quoteSuffix &&
          same.position_start === h.positionStart &&
          same.position_end === h.positionEnd &&
          same.anchor_status === h.anchorStatus &&
          same.colour === h.colour &&
          same.comment === h.comment &&
          same.updated_at === h.updatedAt &&
          same.deleted_at === h.deletedAt &&
          same.credibility === h.credibility &&
          sameArea(same, h.area);
        if (unchanged) this.report.unchanged.highlights++;
        else this.conflict('highlight', h.uid, this.highlightTitle(same), 'This highlight differs from the archive’s version; the library’s version was kept.');
        continue;
      }
      const documentId = this.idMap.document.get(h.documentId)!;
      const { area, ...placed } = h.area ? this.placeArea(documentId, h) : this.placeOn(documentId, h);
      const id = this.insertWithId(insert, used, h.id, { ...placed, documentId, ...areaParams(area) });
      this.idMap.highlight.set(h.id, id);
      this.added.highlight.add(h.id);
      this.report.added.highlights++;
    }
  }

  /** How a conflict names a highlight: its words, or an area by its page. */
  private highlightTitle(row: Record<string, unknown> & { quote_exact: string }): string {
    return typeof row.area_page === 'number' ? areaCaptionOf(this.library, Number(row.document_id), { page: row.area_page }) : excerpt(row.quote_exact);
  }

  /**
   * An area sits at its page's first offset in the library's document, which may have been read
   * from the same file by another version of Fieldbook; a document here without that page keeps
   * it as an orphan.
   */
  private placeArea(documentId: number, h: ArchiveHighlightRow): ArchiveHighlightRow {
    if (h.anchorStatus === 'orphaned') return h;
    const page = prepare<[number, number], { start_offset: number }>(
      this.db,
      "SELECT start_offset FROM document_parts WHERE document_id = ? AND kind = 'page' AND ordinal = ?",
    ).get(documentId, h.area!.page - 1);
    return page ? { ...h, positionStart: page.start_offset, positionEnd: page.start_offset } : { ...h, anchorStatus: 'orphaned' };
  }

  /** A highlight made on another version of a document is anchored afresh on the library's text. */
  private placeOn<Row extends PlacedRow>(documentId: number, h: Row): Row {
    const target = this.changedText.get(documentId);
    if (!target) return h;
    const anchoring = anchor(target, {
      quote: { type: 'TextQuoteSelector', exact: h.quoteExact, prefix: h.quotePrefix, suffix: h.quoteSuffix },
      position: { type: 'TextPositionSelector', start: h.positionStart, end: h.positionEnd },
    });
    if (anchoring.status === 'orphaned') return { ...h, anchorStatus: 'orphaned' };
    const range = wholeCodePoints(target.text, anchoring.start, anchoring.end);
    const { quote, position } = describeRange(target.text, range.start, range.end);
    return {
      ...h,
      anchorStatus: anchoring.status,
      positionStart: position.start,
      positionEnd: position.end,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
    };
  }

  /**
   * A tag is the archive's to add only when its highlight or its actor is new here: when both
   * were already in the library, the library's tagging is the truth (it may have removed it).
   */
  private restoreTags(): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)');
    for (const tag of this.archive.highlightActors) {
      if (!this.added.highlight.has(tag.highlightId) && !this.added.actor.has(tag.actorId)) continue;
      insert.run(this.idMap.highlight.get(tag.highlightId)!, this.idMap.actor.get(tag.actorId)!);
    }
  }

  /**
   * A judged mention already here (same uid) is the library's: it may have been judged again
   * since. A new one goes on the library's text, unless the library has already judged that
   * actor at that very place (the person's later word wins).
   */
  private restoreMentions(): void {
    const existingUids = new Set((this.db.prepare('SELECT uid FROM actor_mentions').all() as Array<{ uid: string }>).map((m) => m.uid));
    const judgedPlaces = new Set(
      (this.db.prepare("SELECT actor_id || ':' || document_id || ':' || position_start || ':' || position_end AS place FROM actor_mentions").all() as Array<{ place: string }>).map(
        (m) => m.place,
      ),
    );
    const used = new Set((this.db.prepare('SELECT id FROM actor_mentions').all() as Array<{ id: number }>).map((m) => m.id));
    const insert = this.db.prepare(
      `INSERT INTO actor_mentions (id, uid, document_id, actor_id, status, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, anchor_status, created_at)
       VALUES (@id, @uid, @documentId, @actorId, @status, @quoteExact, @quotePrefix, @quoteSuffix,
         @positionStart, @positionEnd, @anchorStatus, @createdAt)`,
    );
    for (const m of this.archive.actorMentions) {
      if (existingUids.has(m.uid)) {
        this.report.unchanged.mentions++;
        continue;
      }
      const documentId = this.idMap.document.get(m.documentId)!;
      const actorId = this.idMap.actor.get(m.actorId)!;
      const placed = this.placeOn(documentId, m);
      const place = `${actorId}:${documentId}:${placed.positionStart}:${placed.positionEnd}`;
      if (placed.anchorStatus !== 'orphaned' && judgedPlaces.has(place)) {
        this.report.unchanged.mentions++;
        continue;
      }
      judgedPlaces.add(place);
      this.insertWithId(insert, used, m.id, { ...placed, documentId, actorId });
      this.report.added.mentions++;
    }
  }

  private restoreNotes(): void {
    const existing = this.db.prepare('SELECT id, uid, title, body_json, body_text, created_at, updated_at, deleted_at FROM notes').all() as Array<{
      id: number;
      uid: string;
      title: string;
      body_json: string;
      body_text: string;
      created_at: string;
      updated_at: string;
      deleted_at: string | null;
    }>;
    this.hadRows.note = existing.length > 0;
    const byUid = new Map(existing.map((n) => [n.uid, n]));
    const used = new Set(existing.map((n) => n.id));
    const insert = this.db.prepare(
      `INSERT INTO notes (id, uid, title, body_json, body_text, created_at, updated_at, deleted_at)
       VALUES (@id, @uid, @title, @bodyJson, @bodyText, @createdAt, @updatedAt, @deletedAt)`,
    );
    for (const note of this.archive.notes) {
      const same = byUid.get(note.uid);
      if (same) {
        this.idMap.note.set(note.id, same.id);
        continue;
      }
      this.idMap.note.set(note.id, this.insertWithId(insert, used, note.id, note));
      this.added.note.add(note.id);
      this.report.added.notes++;
    }
    for (const note of this.archive.notes) {
      const same = byUid.get(note.uid);
      if (!same) continue;
      const unchanged =
        // Not body_json: the same version may be spelled differently (one written before bodies held uids, one after).
        same.title === note.title &&
        same.body_text === note.bodyText &&
        same.updated_at === note.updatedAt &&
        same.deleted_at === note.deletedAt;
      if (unchanged) this.report.unchanged.notes++;
      else {
        const why =
          same.deleted_at !== note.deletedAt
            ? `This note was ${same.deleted_at ? 'deleted' : 'restored'} in the library since; the library’s version was kept.`
            : 'This note differs from the archive’s version; the library’s version was kept.';
        this.conflict('note', note.uid, same.title || 'Untitled', why);
      }
    }
  }

  private restoreLinks(): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO links (from_note_id, target_kind, target_id) VALUES (?, ?, ?)');
    for (const link of this.archive.links) {
      if (!this.added.note.has(link.fromNoteId)) {
        this.report.unchanged.links++;
        continue;
      }
      const target = this.mapReference(link.targetKind, link.targetId);
      if (target === null) continue;
      if (insert.run(this.idMap.note.get(link.fromNoteId)!, link.targetKind, target).changes > 0) this.report.added.links++;
    }
  }

  /**
   * Uids that answer for an actor here: those of actors merged into it (on either side), or of
   * an archived actor refused for its name. A uid that already names an actor here, or answers
   * for one, stays as it is.
   */
  private claimFormerUids(actorId: number, uids: string[]): void {
    const taken = this.db.prepare('SELECT 1 FROM actors WHERE uid = @uid UNION ALL SELECT 1 FROM actor_former_uids WHERE uid = @uid');
    const insert = this.db.prepare('INSERT INTO actor_former_uids (uid, actor_id) VALUES (?, ?)');
    for (const uid of uids) {
      if (taken.get({ uid }) === undefined) insert.run(uid, actorId);
    }
  }

  /**
   * An id the archive does not hold (a link left dangling on purpose) keeps its value only when
   * the library had nothing of that kind before, so it cannot come to name someone else's row.
   */
  private mapReference(kind: Kind, id: number): number | null {
    const mapped = this.idMap[kind].get(id);
    if (mapped !== undefined) return mapped;
    return this.hadRows[kind] ? null : id;
  }

  /** Keeps the archived id when it is free, so a restore into an empty library is id for id. */
  private insertWithId(statement: Database.Statement, used: Set<number>, id: number, row: object): number {
    const wanted = used.has(id) ? null : id;
    const newId = Number(statement.run({ ...row, id: wanted }).lastInsertRowid);
    used.add(newId);
    return newId;
  }

  private conflict(kind: Kind, uid: string, title: string, reason: string): void {
    this.report.conflicts.push({ kind, uid, title, reason });
  }
}

function actorParams(actor: ArchiveActorRow): object {
  const { aliases: _aliases, formerUids: _formerUids, ...row } = actor;
  return row;
}

const excerpt = (text: string) => (text.length > 80 ? `${headOf(text, 79)}…` : text);

/** Whether the library's row has the archive's area (none, for a highlight of text). */
function sameArea(stored: Record<string, unknown>, archived: ArchiveHighlightRow['area']): boolean {
  const params = areaParams(archived);
  return (
    stored.area_page === params.areaPage &&
    stored.area_x === params.areaX &&
    stored.area_y === params.areaY &&
    stored.area_width === params.areaWidth &&
    stored.area_height === params.areaHeight
  );
}

const areaParams = (area: ArchiveHighlightRow['area']) => ({
  areaPage: area?.page ?? null,
  areaX: area?.x ?? null,
  areaY: area?.y ?? null,
  areaWidth: area?.width ?? null,
  areaHeight: area?.height ?? null,
});
