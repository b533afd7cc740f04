import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { SearchResults } from '../../common/records';
import { APPLICATION_ID } from '../db/library';
import updateToSchemaVersion10 from '../db/migrations/0010-initial';
import { openLibrary } from '../open-library';
import { packageResourcesDir } from '../resources-dir';
import { callOn, tempLibrary, type TempLibrary } from '../../testing/temp-library';
import type { Library } from '../db/library';
import { writeDocumentBody } from '../documents/document-body';
import { MAX_PASSAGE } from './passages';
import { RANK_LIMIT } from './search-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-passages-');
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown, library = t.library): OpOutputs[N] => callOn(library, name, input);
const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });
const snippetText = (r: { snippet: SearchResults['documents'][number]['snippet'] }) => r.snippet.map((s) => s.text).join('');
const importText = (name: string, text: string, library = t.library) => {
  const [outcome] = call('documents.import', { files: [file(name, text)] }, library);
  if (outcome!.status !== 'imported' && outcome!.status !== 'duplicate') throw new Error(outcome!.message);
  return outcome!.document.id;
};
/** Written as restore and bulk loads write it, straight into the tables: book-length imports are another test's subject. */
function insertDocument(title: string, text: string, library = t.library): number {
  return library.write(() => {
    const id = Number(
      library.db
        .prepare(
          `INSERT INTO documents (uid, title, format, word_count, content_hash, imported_at, updated_at)
           VALUES (?, ?, 'text', 0, ?, '2024-01-01', '2024-01-01')`,
        )
        .run(`uid-${title}`, title, `hash-${title}`).lastInsertRowid,
    );
    writeDocumentBody(library, id, '', text);
    return id;
  });
}
const search = (query: string, extra = {}, library = t.library) => call('search.query', { query: `${query} `, ...extra }, library).documents;

/** FTS5's own check that the index holds exactly what its content (the passages) says. */
function expectIndexIntact(library: Library) {
  expect(() => library.db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  const orphans = library.db
    .prepare('SELECT count(*) AS n FROM document_passages p LEFT JOIN documents d ON d.id = p.document_id WHERE d.id IS NULL')
    .get() as { n: number };
  expect(orphans.n).toBe(0);
}

const report = (n: number, sentence = `The convoy crossed the river near Gao on day ${n}.`) =>
  `# Field report ${n}\n\n${'The patrol waited at the ferry for news. '.repeat(n * 3)}\n\n${sentence}\n`;

describe('the passage index', () => {
  it('points a match deep in a book-length document at its own place, with a snippet from there', () => {
    const paragraphs = Array.from({ length: 6_000 }, (_, i) => `Paragraph ${i} of the inquiry records the movements of the patrol along the river.`);
    paragraphs[5_321] = 'Paragraph 5321 records that the ransom was paid at Ansongo by the intermediary.';
    const id = insertDocument('The inquiry', paragraphs.join('\n\n'));
    importText('short.md', '# A short note\n\nThe ransom was never mentioned again.');
    const text = call('documents.get', { id }).text;

    const [hit] = search('ransom ansongo');
    expect(hit!.id).toBe(id);
    expect(text.slice(hit!.match!.start, hit!.match!.end)).toBe('ransom');
    expect(hit!.match!.start).toBe(text.indexOf('ransom was paid at Ansongo'));
    expect(snippetText(hit!)).toContain('paid at Ansongo');
    const longest = t.library.db.prepare('SELECT max("end" - start) AS n FROM document_passages WHERE document_id = ?').get(id) as { n: number };
    expect(longest.n).toBeLessThanOrEqual(MAX_PASSAGE);
  });

  it('lists a document once, at its best passage, and limits the number of documents', () => {
    const book = insertDocument('Book', Array.from({ length: 300 }, (_, i) => `Chapter ${i}: the convoy again.`).join('\n\n'));
    const ids = [1, 2, 3].map((n) => importText(`report-${n}.md`, report(n)));
    const results = search('convoy');
    expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual([book, ...ids]);
    expect(search('convoy', { limit: 2 })).toHaveLength(2);
  });

  it('still finds other documents when one book holds every one of the best passages', () => {
    const chapters = Array.from({ length: 120 }, (_, i) => `Chapter ${i}. ${'The convoy moved on and the convoy stopped. '.repeat(25)}`);
    const book = insertDocument('Book of convoys', chapters.join('\n\n'));
    const ids = [1, 2, 3].map((n) => importText(`report-${n}.md`, report(n)));
    const found = search('convoy').map((r) => r.id);
    expect(found[0]).toBe(book);
    expect([...found].sort((a, b) => a - b)).toEqual([book, ...ids]);
  });

  it('ranks a sample of a word found everywhere, and everything within one document', () => {
    const old = importText('old-report.md', report(1));
    const block = (i: number) => `Section ${i}. ${'The convoy waited at the ford while the escort counted the trucks. '.repeat(14)}`;
    const book = insertDocument('Ledger', Array.from({ length: RANK_LIMIT + 100 }, (_, i) => block(i)).join('\n\n'));
    const passages = t.library.db.prepare('SELECT count(*) AS n FROM document_passages WHERE document_id = ?').get(book) as { n: number };
    expect(passages.n).toBeGreaterThan(RANK_LIMIT);
    expect(search('convoy').map((r) => r.id)).toContain(book);
    const [inOld] = search('convoy', { documentId: old });
    expect(inOld!.id).toBe(old);
    expect(snippetText(inOld!)).toContain('day 1');
  });

  it('filters by document and excludes words anywhere in a document', () => {
    const ids = [1, 2, 3].map((n) => importText(`report-${n}.md`, report(n)));
    const only = search('convoy', { documentId: ids[1] });
    expect(only.map((r) => r.id)).toEqual([ids[1]]);
    expect(snippetText(only[0]!)).toContain('day 2');
    // The book names the ferry once, passages away from most of its convoys: it is still excluded.
    const chapters = Array.from({ length: 300 }, (_, i) => `Chapter ${i}: the convoy again.`);
    chapters[0] = 'Chapter 0: the convoy waited for the ferry.';
    insertDocument('Book', chapters.join('\n\n'));
    importText('other.md', '# Other\n\nThe convoy rested.');
    expect(search('convoy -ferry').map((r) => r.title)).toEqual(['Other']);
  });

  it('stays true when a document is replaced, restored into another library, or the index is rebuilt', () => {
    const ids = [1, 2, 3].map((n) => importText(`report-${n}.md`, report(n)));
    call('documents.replace', { id: ids[1], file: file('report-2.md', report(2, 'The convoy turned back at Ansongo on day 2.')) });
    expect(search('crossed').map((r) => r.id).sort((a, b) => a - b)).toEqual([ids[0], ids[2]]);
    const [turned] = search('ansongo');
    expect(turned!.id).toBe(ids[1]);
    expect(snippetText(turned!)).toContain('turned back at Ansongo on day 2');
    expectIndexIntact(t.library);

    const archive = call('export.archive', {});
    const fresh = t.open('restored.sqlite');
    call('library.restoreArchive', { json: archive.content }, fresh);
    const restored = search('convoy', {}, fresh);
    expect(restored.map((r) => snippetText(r).match(/day \d/)![0]).sort()).toEqual(['day 1', 'day 2', 'day 3']);
    expectIndexIntact(fresh);

    t.library.db.exec("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')");
    expect(search('convoy')).toEqual([]);
    call('search.rebuild', {});
    expect(search('convoy')).toHaveLength(3);
    expectIndexIntact(t.library);
  });

  it('converts a library indexed as whole documents', () => {
    const file = path.join(t.dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    updateToSchemaVersion10(old);
    old.pragma('user_version = 10');
    const insert = old.prepare(
      `INSERT INTO documents (uid, title, format, word_count, content_hash, imported_at, updated_at, html, text)
       VALUES (?, ?, 'text', 10, ?, '2024-01-01', '2024-01-01', '', ?)`,
    );
    for (const n of [1, 2]) insert.run(`uid-${n}`, `Field report ${n}`, `hash-${n}`, `Preamble ${'x '.repeat(n * 50)}\n\nThe convoy crossed on day ${n}.`);
    old.close();

    const library = openLibrary(file, { resourcesDir: packageResourcesDir() });
    try {
      const results = search('convoy', {}, library);
      expect(results.map((r) => [r.title, snippetText(r).includes(`day ${r.title.slice(-1)}`)])).toEqual(
        expect.arrayContaining([['Field report 1', true], ['Field report 2', true]]),
      );
      for (const r of results) {
        const text = call('documents.get', { id: r.id }, library).text;
        expect(text.slice(r.match!.start, r.match!.end)).toBe('convoy');
      }
      expectIndexIntact(library);
    } finally {
      library.close();
    }
  });
});

/** A book of `length` dull paragraphs with some replaced, so that words land passages apart. */
function book(length: number, replaced: Record<number, string>): string {
  const paragraphs = Array.from({ length }, (_, i) => replaced[i] ?? `Paragraph ${i} of the inquiry records the movements of the patrol along the river.`);
  return paragraphs.join('\n\n');
}
const passageOf = (offset: number, id: number) =>
  t.library.db.prepare('SELECT id FROM document_passages WHERE document_id = ? AND start <= ? AND "end" >= ?').get(id, offset, offset) as { id: number };

describe('words sought in different passages of one document', () => {
  it('finds the document, with a snippet from the rarer word and the jump target there', () => {
    const id = insertDocument('The inquiry', book(400, { 3: 'Belmokhtar was seen near the border at dawn.', 380: 'The column then drove north into Libya.' }));
    const onlyLibya = importText('libya.md', '# Libya\n\nThe border with Libya stayed open.');
    const onlyBelmokhtar = importText('belmokhtar.md', '# Sightings\n\nNobody else saw Belmokhtar that year.');
    const text = call('documents.get', { id }).text;
    expect(passageOf(text.indexOf('Belmokhtar'), id).id).not.toBe(passageOf(text.indexOf('Libya'), id).id);

    const results = search('belmokhtar libya');
    expect(results.map((r) => r.id)).toEqual([id]);
    expect(snippetText(results[0]!)).toContain('Belmokhtar was seen near the border');
    expect(results[0]!.match).toEqual({ start: text.indexOf('Belmokhtar'), end: text.indexOf('Belmokhtar') + 'Belmokhtar'.length });
    // While the last word is still being typed, and whichever word comes first.
    expect(call('search.query', { query: 'belmokhtar lib' }).documents.map((r) => r.id)).toEqual([id]);
    expect(search('libya belmokhtar').map((r) => r.id)).toEqual([id]);
    expect(search('belmokhtar libya', { documentId: id }).map((r) => r.id)).toEqual([id]);
    expect(search('belmokhtar libya', { documentId: onlyLibya })).toEqual([]);
    expect(search('libya').map((r) => r.id)).toEqual(expect.arrayContaining([id, onlyLibya]));
    expect(search('belmokhtar').map((r) => r.id)).toEqual(expect.arrayContaining([id, onlyBelmokhtar]));
    // An excluded word anywhere in the book still rules it out.
    expect(search('belmokhtar libya -patrol')).toEqual([]);
  });

  it('matches the last word as a prefix while it is typed, however many passages share its first letters', () => {
    const paragraph = (i: number) => `Paragraph ${i} notes that the town of Libyssa lay on the coast.`;
    const libyssa = Object.fromEntries([20, 40, 60, 80, 100, 120, 140, 160, 180, 200].map((i) => [i, paragraph(i)]));
    const seen = 'Belmokhtar was seen near the border at dawn.';
    const libyan = insertDocument('Coast', book(400, { 3: seen, 200: 'The Libyan border.', 380: 'The Libyan coast.' }));
    importText('only-libyssa.md', `# Only Libyssa\n\n${seen}\n\n${Object.values(libyssa).join('\n\n')}`);
    const libyssaFirst = insertDocument('Libyssa first', book(400, { ...libyssa, 3: seen, 380: 'Then came the Libyan envoy.' }));
    const text = (id: number) => call('documents.get', { id }).text;
    const found = call('search.query', { query: 'belmokhtar libya' }).documents;
    expect(found.map((r) => r.id).sort((a, b) => a - b)).toEqual([libyan, libyssaFirst]);
    for (const r of found) expect(text(r.id).slice(r.match!.start, r.match!.end)).toBe('Belmokhtar');
    // Once the word is finished, it is matched whole.
    expect(search('belmokhtar libya')).toEqual([]);
  });

  it('lists documents holding the words together first, then those holding them apart', () => {
    const apart = insertDocument('Apart', book(300, { 5: 'Belmokhtar, Belmokhtar, Belmokhtar: the name again.', 290: 'Libya.' }));
    const together = importText('together.md', '# Report\n\nIn the long and winding account of that year, Belmokhtar fled to Libya.');
    expect(search('belmokhtar libya').map((r) => r.id)).toEqual([together, apart]);
    expect(search('belmokhtar libya', { limit: 1 }).map((r) => r.id)).toEqual([together]);
  });

  it('shows each such document its own snippet and jump target', () => {
    const ids = [1, 2, 3].map((n) =>
      insertDocument(`Book ${n}`, book(200 + n * 50, { [n * 20]: `Belmokhtar was reported on day ${n}.`, [150 + n * 40]: 'Then came news from Libya.' })),
    );
    const results = search('belmokhtar libya');
    expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids);
    for (const result of results) {
      const n = ids.indexOf(result.id) + 1;
      const text = call('documents.get', { id: result.id }).text;
      expect(snippetText(result)).toContain(`reported on day ${n}`);
      expect(result.match!.start).toBe(text.indexOf('Belmokhtar'));
    }
  });
});
