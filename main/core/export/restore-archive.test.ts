import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE } from '../../common/note-format';
import { dispatch } from '../../ops';
import type { Library } from '../db/library';
import { importFile, prepareDocument } from '../import/import-document';
import { exportLibraryArchive, libraryArchiveJson, type LibraryArchive } from './library-archive';
import { body, callOn, paragraph, populate, tempLibrary, text, type Fixture, type TempLibrary } from '../../testing/populated-library';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-restore-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const TABLES = ['documents', 'highlights', 'actors', 'actor_aliases', 'highlight_actors', 'notes', 'links'];
const dump = (library: Library) => Object.fromEntries(TABLES.map((table) => [table, library.db.prepare(`SELECT * FROM ${table}`).all()]));
const BODIES_BY_UID = 'SELECT d.uid, b.html, b.text, d.content_hash FROM documents d JOIN document_bodies b ON b.document_id = d.id ORDER BY d.uid';
const restoreOp = (library: Library, archive: unknown) => dispatch({ library }, 'library.restoreArchive', { json: JSON.stringify(archive) });

/** The archive with one row changed, as a forged or damaged file would carry it. */
function withRow<K extends 'documents' | 'highlights' | 'actors' | 'notes'>(
  archive: LibraryArchive,
  kind: K,
  uid: string,
  change: (row: LibraryArchive[K][number]) => object,
): LibraryArchive {
  const copy = structuredClone(archive);
  const rows = copy[kind] as Array<{ uid: string }>;
  const index = rows.findIndex((row) => row.uid === uid);
  if (index < 0) throw new Error(`no ${kind} row ${uid}`);
  rows[index] = { ...rows[index]!, ...change(rows[index] as LibraryArchive[K][number]) };
  return copy;
}

describe('restoring an archive trusts none of its rows', () => {
  it('sanitises a document’s HTML as an import would, keeping its text', () => {
    const archive = withRow(exportLibraryArchive(t.library), 'documents', fixture.fieldNotes.uid, (d) => ({
      html: `<base href="http://127.0.0.1:4399/"><script>fetch('http://127.0.0.1:4399/leak')</script>${d.html.replace('<p>', '<p onclick="alert(1)">')}<img src="data:image/png;base64,iVBORw0KGgo=" onerror="alert(2)" alt="">`,
    }));
    const fresh = t.open('fresh.sqlite');
    const result = restoreOp(fresh, archive);
    expect(result.ok).toBe(true);
    const restored = fresh.db.prepare('SELECT b.html, b.text FROM documents d JOIN document_bodies b ON b.document_id = d.id WHERE d.uid = ?').get(fixture.fieldNotes.uid) as { html: string; text: string };
    expect(restored.html).not.toMatch(/<script|<base|onerror|onclick|127\.0\.0\.1/i);
    expect(restored.text).toBe(fixture.fieldNotes.text);
    expect(restored.html.replace(/<img [^>]*>$/, '')).toBe(fixture.fieldNotes.html);
  });

  it('takes a document’s text from its sanitised HTML, placing its highlights again on that text', () => {
    const archive = withRow(exportLibraryArchive(t.library), 'documents', fixture.fieldNotes.uid, (d) => ({
      html: `<p>Inserted first.</p>${d.html}<script>words that only a script held</script>`,
      text: `${d.text} words that only a script held`,
      contentHash: 'forged',
    }));
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, archive).ok).toBe(true);
    const restored = callOn(fresh, 'documents.get', { id: fixture.fieldNotes.id });
    // No separator is added: the text is exactly what the HTML reads as, which the reader paints on.
    expect(restored.text).toBe(`Inserted first.${fixture.fieldNotes.text}`);
    expect(restored.text).not.toContain('script');
    const convoy = callOn(fresh, 'highlights.list', { documentId: restored.id }).find((h) => h.uid === fixture.highlights.convoy.uid)!;
    expect(convoy).toMatchObject({ status: 'exact', exact: 'heading north towards Kidal' });
    expect(restored.text.slice(convoy.start, convoy.end)).toBe('heading north towards Kidal');
    expect(convoy.start).toBe(fixture.highlights.convoy.start + 'Inserted first.'.length);
  });

  it('refuses a document with no readable text once sanitised, naming it, and writes nothing', () => {
    const archive = withRow(exportLibraryArchive(t.library), 'documents', fixture.fieldNotes.uid, () => ({ html: '<script>alert(1)</script>', text: 'alert(1)' }));
    const fresh = t.open('fresh.sqlite');
    const before = dump(fresh);
    const result = restoreOp(fresh, archive);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`the document “${fixture.fieldNotes.title}” (${fixture.fieldNotes.uid}) has no readable text`) } });
    expect(dump(fresh)).toEqual(before);
  });

  it('derives the content hash from the text, so another document is never taken for this one', () => {
    const otherReport = Buffer.from('A different report, from Mopti.\n');
    const forged = prepareDocument('mopti.md', otherReport).contentHash;
    const archive = withRow(exportLibraryArchive(t.library), 'documents', fixture.fieldNotes.uid, () => ({ contentHash: forged }));
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, archive).ok).toBe(true);
    expect(importFile(fresh, 'mopti.md', otherReport).status).toBe('imported');
    const hashOf = (library: Library) => library.db.prepare('SELECT content_hash AS h FROM documents WHERE uid = ?').get(fixture.fieldNotes.uid);
    expect(hashOf(fresh)).toEqual(hashOf(t.library));
  });

  it('keeps only a web address as a document’s source', () => {
    const archive = withRow(exportLibraryArchive(t.library), 'documents', fixture.fieldNotes.uid, () => ({ sourceUrl: 'javascript:alert(document.cookie)' }));
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, archive).ok).toBe(true);
    expect(callOn(fresh, 'documents.get', { id: fixture.fieldNotes.id }).sourceUrl).toBeNull();
    expect(callOn(fresh, 'export.documentMarkdown', { id: fixture.fieldNotes.id }).content).not.toContain('javascript:');
  });

  it('refuses an actor colour that is not #rrggbb, naming the actor, and writes nothing', () => {
    const archive = withRow(exportLibraryArchive(t.library), 'actors', fixture.aqim.uid, () => ({ colour: 'red; background-image:url(http://127.0.0.1:4399/x)' }));
    const fresh = t.open('fresh.sqlite');
    const before = dump(fresh);
    const result = restoreOp(fresh, archive);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`the actor “AQIM” (${fixture.aqim.uid}) has the colour`) } });
    expect(dump(fresh)).toEqual(before);
  });

  it('derives actors’ name keys from their names, so a forged key cannot hide a second actor of the same name', () => {
    const archive = exportLibraryArchive(t.library);
    const twin = { ...structuredClone(archive.actors.find((a) => a.uid === fixture.aqim.uid)!), id: 900, uid: 'twin', nameKey: 'something else', aliases: [] };
    const result = restoreOp(t.open('fresh.sqlite'), { ...archive, actors: [...archive.actors, twin] });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('two actors are named “AQIM”') } });
  });

  it('re-anchors a highlight whose quote is not the text at its offsets, instead of storing it as exact', () => {
    const archive = exportLibraryArchive(t.library);
    const beyond = withRow(archive, 'highlights', fixture.highlights.convoy.uid, () => ({ positionStart: 100_000, positionEnd: 100_010 }));
    const wrongQuote = withRow(archive, 'highlights', fixture.highlights.timbuktu.uid, () => ({ quoteExact: 'words this document never had in it' }));
    const first = t.open('first.sqlite');
    expect(restoreOp(first, beyond).ok).toBe(true);
    const convoy = callOn(first, 'highlights.list', { documentId: fixture.fieldNotes.id }).find((h) => h.uid === fixture.highlights.convoy.uid)!;
    expect(convoy).toMatchObject({ status: 'exact', start: fixture.highlights.convoy.start, end: fixture.highlights.convoy.end, exact: 'heading north towards Kidal' });
    const second = t.open('second.sqlite');
    expect(restoreOp(second, wrongQuote).ok).toBe(true);
    const timbuktu = callOn(second, 'highlights.list', { documentId: fixture.article.id }).find((h) => h.uid === fixture.highlights.timbuktu.uid)!;
    expect(timbuktu.status).toBe('orphaned');
  });

  it('refuses a note nested 20,000 levels deep, naming it, instead of overflowing the stack', () => {
    const archive = exportLibraryArchive(t.library);
    // Built as text: JSON.stringify itself would overflow on a tree this deep.
    const deep = `{"root":{"type":"root","children":[${'{"type":"paragraph","version":1,"children":['.repeat(20_000)}${']}'.repeat(20_000)}]}}`;
    const forged = withRow(archive, 'notes', fixture.notes.target.uid, () => ({ bodyJson: deep }));
    const fresh = t.open('fresh.sqlite');
    const before = dump(fresh);
    const result = restoreOp(fresh, forged);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`the note “Sanctuaries” (${fixture.notes.target.uid}) is nested more than 100 levels deep`) } });
    expect(dump(fresh)).toEqual(before);
  });

  it('refuses ids no library can hold in rows, and references that are not uids inside notes’ bodies', () => {
    const archive = exportLibraryArchive(t.library);
    const mention = { type: ACTOR_MENTION_NODE, version: 1, actorUid: 'AQIM and friends', name: 'AQIM' };
    const inBody = withRow(archive, 'notes', fixture.notes.target.uid, () => ({ bodyJson: JSON.stringify(body(paragraph(mention))) }));
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, inBody)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('the note “Sanctuaries” (' + fixture.notes.target.uid + ') has a body that is not an editor state Fieldbook can open: The actorUid of a fb-actor-mention node must be'),
      },
    });
    const inLink = structuredClone(archive);
    inLink.links[0] = { ...inLink.links[0]!, targetId: 2 ** 53 };
    expect(restoreOp(fresh, inLink)).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('links.0.targetId') } });
  });

  it('restores an archive of notes whose links point at nothing', () => {
    const note = callOn(t.library, 'notes.create', { title: 'Broken links' });
    const broken = body(
      paragraph(
        text('See '),
        { type: ACTOR_MENTION_NODE, version: 1, actorUid: null, name: 'Gone' },
        { type: 'fb-note-link', version: 1, noteUid: 'a-note-never-here', title: 'Gone' },
      ),
    );
    callOn(t.library, 'notes.save', { id: note.id, title: 'Broken links', body: broken });
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, JSON.parse(libraryArchiveJson(t.library))).ok).toBe(true);
    expect(callOn(fresh, 'notes.get', { id: note.id }).body).toEqual(broken);
  });

  it('restores real articles with footnote links exactly as they were imported', () => {
    const pages = ['wikipedia', 'mozilla-1', 'ietf-1'];
    for (const page of pages) {
      const source = path.resolve(repoRoot, '../shared/testdata/readability', page, 'source.html');
      expect(importFile(t.library, `${page}.html`, fs.readFileSync(source)).status).toBe('imported');
    }
    const before = t.library.db.prepare(BODIES_BY_UID).all();
    const fresh = t.open('fresh.sqlite');
    expect(restoreOp(fresh, JSON.parse(libraryArchiveJson(t.library))).ok).toBe(true);
    expect(fresh.db.prepare(BODIES_BY_UID).all()).toEqual(before);
  });
});
