import { createHash } from 'node:crypto';
import { HIGHLIGHT_COLOURS } from '../main/common/records';
import { exactNameKey } from '../main/core/actors/fold-name';
import { nameKey } from '../main/common/fold-text';
import type { Library } from '../main/core/db/library';
import { writeDocumentBody } from '../main/core/documents/document-body';
import { describeRange } from '../main/core/highlights/anchor';
import { readNoteBody } from '../main/core/notes/read-note-body';
import { n } from './benchmark';
import { generateActors } from './generate-actors';
import { blocksToHtml, blocksToText, capitalise, Prose } from './generate-prose';
import { actorMention, highlightQuote, noteBody, noteLink, paragraph, text, type LexicalJson } from './lexical-json';
import { Picker, seededRandom } from './seeded-random';
import { randomWordRange } from './word-ranges';

/*
 * Large libraries written straight into the tables with SQL, in a few big transactions. Importing
 * this much through documents.import would take most of an hour and is not what these benchmarks
 * measure (the library benchmark times imports). The FTS triggers fire as in the app, so the
 * search index is the one the app would have. Rows hold what the core would store: plain text as
 * normaliseDocument writes it (blocks apart by a blank line), selectors from describeRange, note
 * text and links from readNoteBody.
 */

export interface LargeLibrarySpec {
  seed: number;
  documents: number;
  wordsPerDocument: number;
  /** Spread at random over the documents. */
  highlights: number;
  notes: number;
  actors: number;
  aliasesPerActor: number;
  /** Each highlight is tagged with up to this many actors, chosen Zipf-like: a few actors carry most passages. 0 for none. */
  maxTagsPerHighlight: number;
  /** Invented words for the prose's long tail (see Prose). */
  rareWords?: readonly string[];
  rareRate?: number;
  /** Documents per transaction. */
  batch?: number;
  /** Book-length documents added after everything else (one transaction each), without highlights. */
  books?: { count: number; words: number };
  log?: (line: string) => void;
}

export interface LargeLibrary {
  documentIds: number[];
  /** The books' ids, also in documentIds. */
  bookIds: number[];
  /** Most tagged first. */
  actorIds: number[];
  noteIds: number[];
  highlightCount: number;
  tagCount: number;
  linkCount: number;
  words: number;
  /** UTF-8 bytes of the text the search index covers: document titles and text, quotes and comments, note titles and text, actors. */
  indexedTextBytes: number;
  ms: number;
}

const EPOCH = Date.UTC(2020, 0, 1);
const time = (minutes: number) => new Date(EPOCH + minutes * 60_000).toISOString();
/** UUID-shaped, deterministic, one series per kind. */
const uid = (kind: number, n: number) => `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;

export function buildLargeLibrary(library: Library, spec: LargeLibrarySpec): LargeLibrary {
  const started = performance.now();
  const db = library.db;
  const pick = new Picker(seededRandom(spec.seed));
  const prose = new Prose(pick, { rareWords: spec.rareWords, rareRate: spec.rareRate });
  const batch = spec.batch ?? 1000;
  const log = spec.log ?? (() => {});
  let indexedTextBytes = 0;
  const bytes = (s: string) => Buffer.byteLength(s);

  // Actors and aliases.
  const actors = generateActors(pick, spec.actors, spec.aliasesPerActor);
  const insertActor = db.prepare(
    `INSERT INTO actors (uid, name, name_key, name_folded, kind, description, colour, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '#2f6f9f', ?, ?)`,
  );
  const insertAlias = db.prepare('INSERT INTO actor_aliases (actor_id, position, alias, alias_key) VALUES (?, ?, ?, ?)');
  const actorIds: number[] = [];
  db.transaction(() => {
    actors.forEach((actor, i) => {
      const description = prose.sentence(6, 16).text;
      const id = Number(
        insertActor.run(uid(1, i + 1), actor.name, exactNameKey(actor.name), nameKey(actor.name), actor.kind, description, time(i), time(i)).lastInsertRowid,
      );
      actor.aliases.forEach((alias, position) => insertAlias.run(id, position, alias, nameKey(alias)));
      actorIds.push(id);
      indexedTextBytes += bytes(actor.name) + bytes(description) + actor.aliases.reduce((sum, a) => sum + bytes(a) + 3, 0);
    });
  })();

  // Documents, each with its share of highlights and their tags.
  const insertRow = db.prepare(
    `INSERT INTO documents (uid, title, byline, source_url, file_name, format, word_count, content_hash, imported_at, updated_at)
     VALUES (?, ?, NULL, NULL, ?, 'html', ?, ?, ?, ?)`,
  );
  const insertDocument = (
    documentUid: string, title: string, fileName: string, html: string, body: string, words: number, hash: string, at: string,
  ): number => {
    const id = Number(insertRow.run(documentUid, title, fileName, words, hash, at, at).lastInsertRowid);
    writeDocumentBody(library, id, html, body);
    return id;
  };
  const insertHighlight = db.prepare(
    `INSERT INTO highlights (uid, document_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
       anchor_status, colour, comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT OR IGNORE INTO highlight_actors (highlight_id, actor_id) VALUES (?, ?)');
  const documentIds: number[] = [];
  const quotes: Array<{ highlightUid: string; documentUid: string; documentTitle: string; quote: string }> = [];
  // Bodies name targets by uid; the links table, derived from them, by id (as saveNote resolves them).
  const idByUid = new Map<string, number>(actorIds.map((id, i) => [uid(1, i + 1), id]));
  let words = 0;
  let highlightCount = 0;
  let tagCount = 0;
  for (let from = 0; from < spec.documents; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(spec.documents, from + batch); i++) {
        const title = capitalise(`${prose.word()} ${prose.word()} ${prose.word()} ${prose.word()} ${i + 1}`);
        const generated = prose.blocks(spec.wordsPerDocument);
        const body = blocksToText(generated.blocks);
        const html = blocksToHtml(generated.blocks);
        words += generated.words;
        indexedTextBytes += bytes(title) + bytes(body);
        const hash = createHash('sha256').update(body).digest('hex');
        const at = time(100_000 + i);
        const documentId = insertDocument(uid(2, i + 1), title, `document-${i + 1}.html`, html, body, generated.words, hash, at);
        documentIds.push(documentId);
        idByUid.set(uid(2, i + 1), documentId);
        // This document's share, so that the total comes out exact.
        const share = Math.floor(((i + 1) * spec.highlights) / spec.documents) - Math.floor((i * spec.highlights) / spec.documents);
        for (let h = 0; h < share; h++) {
          const range = randomWordRange(pick, body);
          const { quote } = describeRange(body, range.start, range.end);
          const comment = pick.chance(0.2) ? prose.sentence(4, 20).text : '';
          const created = time(200_000 + highlightCount);
          const highlightId = Number(
            insertHighlight.run(
              uid(3, highlightCount + 1),
              documentId,
              quote.exact,
              quote.prefix,
              quote.suffix,
              range.start,
              range.end,
              pick.pick(HIGHLIGHT_COLOURS),
              comment,
              created,
              created,
            ).lastInsertRowid,
          );
          idByUid.set(uid(3, highlightCount + 1), highlightId);
          if (quotes.length < 5000 && pick.chance(0.1)) quotes.push({ highlightUid: uid(3, highlightCount + 1), documentUid: uid(2, i + 1), documentTitle: title, quote: quote.exact });
          highlightCount++;
          indexedTextBytes += bytes(quote.exact) + bytes(comment);
          if (spec.maxTagsPerHighlight > 0 && actorIds.length > 0) {
            const tags = pick.int(1, spec.maxTagsPerHighlight);
            for (let t = 0; t < tags; t++) {
              // P(index < k) = (k / n)^0.4: the first actors are in thousands of passages, the last in a few.
              const actorId = actorIds[Math.floor(actorIds.length * pick.random() ** 2.5)]!;
              tagCount += insertTag.run(highlightId, actorId).changes;
            }
          }
        }
      }
    })();
    log(`  built ${Math.min(spec.documents, from + batch).toLocaleString('en-GB')}/${spec.documents.toLocaleString('en-GB')} documents (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  // Notes: a few paragraphs with mentions, links to earlier notes and now and then a quoted passage.
  const insertNote = db.prepare(
    'INSERT INTO notes (uid, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertLink = db.prepare('INSERT OR IGNORE INTO links (from_note_id, target_kind, target_id) VALUES (?, ?, ?)');
  const noteIds: number[] = [];
  const noteTitles: string[] = [];
  let linkCount = 0;
  db.transaction(() => {
    for (let i = 0; i < spec.notes; i++) {
      const title = capitalise(`${prose.word()} ${prose.word()} ${prose.word()}`);
      const children: LexicalJson[] = [];
      for (let p = pick.int(2, 6); p > 0; p--) {
        const inline: LexicalJson[] = [text(prose.sentence().text)];
        if (actorIds.length > 0 && pick.chance(0.5)) {
          const a = pick.int(0, actorIds.length - 1);
          inline.push(text(' '), actorMention(uid(1, a + 1), actors[a]!.name), text(` ${prose.sentence().text}`));
        }
        if (noteIds.length > 0 && pick.chance(0.3)) {
          const n = pick.int(0, noteIds.length - 1);
          inline.push(text(' See '), noteLink(uid(4, n + 1), noteTitles[n]!), text('.'));
        }
        children.push(paragraph(inline));
        if (quotes.length > 0 && pick.chance(0.15)) children.push(highlightQuote(pick.pick(quotes)));
      }
      const body = noteBody(children);
      const reading = readNoteBody(body);
      const at = time(300_000 + i);
      const noteId = Number(insertNote.run(uid(4, i + 1), title, JSON.stringify(body), reading.text, at, at).lastInsertRowid);
      idByUid.set(uid(4, i + 1), noteId);
      for (const ref of reading.references) linkCount += insertLink.run(noteId, ref.kind, idByUid.get(ref.uid)!).changes;
      noteIds.push(noteId);
      noteTitles.push(title);
      indexedTextBytes += bytes(title) + bytes(reading.text);
    }
  })();

  // Books last, so the rest of the library is the same with or without them.
  const bookIds: number[] = [];
  for (let b = 0; b < (spec.books?.count ?? 0); b++) {
    const title = capitalise(`${prose.word()} ${prose.word()} ${prose.word()} book ${b + 1}`);
    const generated = prose.blocks(spec.books!.words);
    const body = blocksToText(generated.blocks);
    const html = blocksToHtml(generated.blocks);
    words += generated.words;
    indexedTextBytes += bytes(title) + bytes(body);
    const hash = createHash('sha256').update(body).digest('hex');
    const at = time(400_000 + b);
    db.transaction(() => {
      const id = insertDocument(uid(5, b + 1), title, `book-${b + 1}.html`, html, body, generated.words, hash, at);
      documentIds.push(id);
      bookIds.push(id);
    })();
    log(`  built book ${b + 1}/${spec.books!.count} (${n(generated.words)} words, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  const byTags = db
    .prepare('SELECT actor_id AS id, count(*) AS n FROM highlight_actors GROUP BY actor_id ORDER BY n DESC')
    .all() as Array<{ id: number; n: number }>;
  const tagged = new Set(byTags.map((row) => row.id));
  return {
    documentIds,
    bookIds,
    actorIds: [...byTags.map((row) => row.id), ...actorIds.filter((id) => !tagged.has(id))],
    noteIds,
    highlightCount,
    tagCount,
    linkCount,
    words,
    indexedTextBytes,
    ms: performance.now() - started,
  };
}
