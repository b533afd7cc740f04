import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../ops';
import { undoMigration70, undoMigration80 } from '../../testing/schema-60';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { currentSchemaVersion, SCHEMA_VERSION } from '../db/migrations';
import { exportLibraryArchive } from '../export/library-archive';

let temp: TempLibrary;
afterEach(() => temp?.cleanup());

const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

function importFile(name: string, text: string): number {
  const [outcome] = temp.call('documents.import', { files: [file(name, text)] });
  if (outcome?.status !== 'imported') throw new Error(`${name} was not imported`);
  return outcome.document.id;
}

const PAGE = `<!doctype html><html lang="fr_FR"><head><title>Le convoi de Gao</title>
  <meta property="og:site_name" content="Le Monde Afrique">
  <meta property="article:published_time" content="2012-03-14T09:30:00+01:00">
  <meta name="author" content="Jane Doe and Amadou Traoré"></head>
  <body><article><h1>Le convoi de Gao</h1>${'<p>Le convoi a traversé le fleuve près de Gao au petit matin, escorté par deux pick-up.</p>'.repeat(8)}</article></body></html>`;

describe('a document’s details', () => {
  it('start from what the imported page says about itself', () => {
    temp = tempLibrary();
    const id = importFile('convoi.html', PAGE);
    expect(temp.call('documents.get', { id })).toMatchObject({
      title: 'Le convoi de Gao',
      authors: ['Jane Doe', 'Amadou Traoré'],
      published: '2012-03-14',
      publisher: 'Le Monde Afrique',
      language: 'fr-FR',
      citation: null,
      tags: [],
      collectionIds: [],
    });
  });

  it('are saved as edited, blank clearing a field, and what was left out stays as it was', () => {
    temp = tempLibrary();
    const id = importFile('convoi.html', PAGE);
    const saved = temp.call('documents.update', {
      id,
      title: '  The Gao convoy ',
      authors: ['Doe, Jane', ' Amadou   Traoré ', 'doe, jane'],
      published: '2012-03',
      publisher: '',
      sourceUrl: 'https://example.org/gao',
      language: 'EN-gb',
      citation: 'Doe & Traoré (2012), The Gao convoy.',
      tags: ['#Sahel', 'logistics', 'sahel', ' convoy  routes '],
    });
    expect(saved).toMatchObject({
      title: 'The Gao convoy',
      authors: ['Doe, Jane', 'Amadou Traoré'],
      published: '2012-03',
      publisher: null,
      sourceUrl: 'https://example.org/gao',
      language: 'en-GB',
      citation: 'Doe & Traoré (2012), The Gao convoy.',
      tags: ['convoy routes', 'logistics', 'Sahel'],
    });
    expect(temp.call('documents.update', { id, citation: null })).toMatchObject({ title: 'The Gao convoy', citation: null, published: '2012-03' });
    expect(temp.call('documents.tags', {})).toEqual([
      { tag: 'convoy routes', documentCount: 1 },
      { tag: 'logistics', documentCount: 1 },
      { tag: 'Sahel', documentCount: 1 },
    ]);
  });

  it('refuses a date, URL or language that is not one, saying what it should be, and changes nothing', () => {
    temp = tempLibrary();
    const id = importFile('convoi.html', PAGE);
    const before = temp.call('documents.get', { id });
    expect(temp.errorOf('documents.update', { id, published: '2012-02-30' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('A date published is a year, a month or a day: 2012, 2012-03 or 2012-03-14.'),
    });
    expect(temp.errorOf('documents.update', { id, sourceUrl: 'javascript:alert(1)' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('A source URL starts with http:// or https://.'),
    });
    expect(temp.errorOf('documents.update', { id, language: 'French' })).toMatchObject({ code: 'invalid_input' });
    expect(temp.errorOf('documents.update', { id, title: '   ' })).toMatchObject({ code: 'invalid_input' });
    expect(temp.errorOf('documents.update', { id, collectionIds: [404] })).toMatchObject({ code: 'not_found' });
    expect(temp.call('documents.get', { id })).toEqual(before);
  });
});

describe('collections', () => {
  it('hold a document several times over, count it, and let it go when deleted', () => {
    temp = tempLibrary();
    const report = importFile('report.md', '# Report\n\nThe convoy crossed near Gao.');
    const field = importFile('field.md', '# Field notes\n\nMarket day in Mopti.');
    const sahel = temp.call('collections.create', { name: 'Sahel' });
    const thesis = temp.call('collections.create', { name: 'Thesis chapter 2' });
    expect(temp.errorOf('collections.create', { name: ' sahel ' })).toMatchObject({ code: 'conflict' });

    temp.call('documents.update', { id: report, collectionIds: [sahel.id, thesis.id] });
    temp.call('documents.update', { id: field, collectionIds: [sahel.id] });
    expect(temp.call('collections.list', {}).map((c) => [c.name, c.documentCount])).toEqual([
      ['Sahel', 2],
      ['Thesis chapter 2', 1],
    ]);
    expect(temp.call('documents.get', { id: report }).collectionIds).toEqual([sahel.id, thesis.id]);

    expect(temp.call('collections.rename', { id: thesis.id, name: 'Chapter two' }).name).toBe('Chapter two');
    temp.call('collections.delete', { id: sahel.id });
    expect(temp.call('documents.get', { id: report }).collectionIds).toEqual([thesis.id]);
    expect(temp.call('documents.list', {}).filter((d) => d.id === report || d.id === field)).toHaveLength(2);
  });
});

describe('search finds documents by their details', () => {
  it('by an author’s name, a tag or a collection, not only by their text', () => {
    temp = tempLibrary();
    const report = importFile('report.md', '# Report\n\nThe convoy crossed near Gao.');
    importFile('field.md', '# Field notes\n\nMarket day in Mopti.');
    const thesis = temp.call('collections.create', { name: 'Thesis' });
    temp.call('documents.update', { id: report, authors: ['Amadou Traoré'], tags: ['smuggling'], collectionIds: [thesis.id] });

    const found = (query: string) => temp.call('search.query', { query, kinds: ['document'] }).documents.map((d) => d.id);
    expect(found('Traore')).toEqual([report]);
    expect(found('smuggling')).toEqual([report]);
    expect(found('thesis')).toEqual([report]);

    temp.call('documents.update', { id: report, tags: [] });
    expect(found('smuggling')).toEqual([]);
  });
});

describe('migration 70', () => {
  it('gives an existing library its details: authors from the bylines, searchable at once', () => {
    temp = tempLibrary('fieldbook-migration-70-');
    const id = importFile('convoi.html', PAGE);
    const db = temp.library.db;
    undoMigration80(db);
    undoMigration70(db);
    db.pragma('user_version = 60');
    const copy = path.join(temp.dir, 'schema-60.sqlite');
    db.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);

    const old = temp.open(path.basename(copy));
    expect(currentSchemaVersion(old.db)).toBe(SCHEMA_VERSION);
    const { value } = dispatch({ library: old }, 'documents.get', { id }) as { value: { authors: string[]; tags: string[]; published: string | null } };
    // The page's other details were never stored before; only the byline can be carried over.
    expect(value).toMatchObject({ authors: ['Jane Doe', 'Amadou Traoré'], tags: [], published: null });
    const search = dispatch({ library: old }, 'search.query', { query: 'Traoré', kinds: ['document'] }) as { value: { documents: Array<{ id: number }> } };
    expect(search.value.documents.map((d) => d.id)).toEqual([id]);
  });
});

describe('archives carry the details', () => {
  it('restore details, tags and collections into another library', () => {
    temp = tempLibrary();
    const id = importFile('convoi.html', PAGE);
    const thesis = temp.call('collections.create', { name: 'Thesis' });
    const sahel = temp.call('collections.create', { name: 'Sahel' });
    temp.call('documents.update', { id, citation: 'Doe (2012).', tags: ['Sahel', 'convoys'], collectionIds: [thesis.id, sahel.id] });
    const archive = exportLibraryArchive(temp.library);
    const original = temp.call('documents.get', { id });

    const fresh = temp.open('fresh.sqlite');
    expect(dispatch({ library: fresh }, 'library.restoreArchive', { json: JSON.stringify(archive) }).ok).toBe(true);
    const restored = dispatch({ library: fresh }, 'documents.list', {}) as { value: Array<typeof original> };
    const collections = dispatch({ library: fresh }, 'collections.list', {}) as { value: Array<{ id: number; name: string; documentCount: number }> };
    expect(collections.value.map((c) => [c.name, c.documentCount])).toEqual([
      ['Sahel', 1],
      ['Thesis', 1],
    ]);
    expect(restored.value.find((d) => d.title === 'Le convoi de Gao')).toMatchObject({
      authors: original.authors,
      published: '2012-03-14',
      publisher: 'Le Monde Afrique',
      language: 'fr-FR',
      citation: 'Doe (2012).',
      tags: ['convoys', 'Sahel'],
      collectionIds: collections.value.map((c) => c.id).sort((a, b) => a - b),
    });
  });

  it('restore an archive written before they existed', () => {
    temp = tempLibrary();
    importFile('convoi.html', PAGE);
    const archive = exportLibraryArchive(temp.library) as unknown as Record<string, unknown> & { documents: Array<Record<string, unknown>> };
    const older = {
      ...archive,
      version: 2,
      documents: archive.documents.map(({ authors: _a, published: _p, publisher: _pu, language: _l, citation: _c, tags: _t, ...rest }) => rest),
    };
    delete (older as Record<string, unknown>).collections;
    delete (older as Record<string, unknown>).documentCollections;

    const fresh = temp.open('fresh.sqlite');
    expect(dispatch({ library: fresh }, 'library.restoreArchive', { json: JSON.stringify(older) }).ok).toBe(true);
    const restored = dispatch({ library: fresh }, 'documents.list', {}) as { value: Array<{ title: string; byline: string | null; tags: string[] }> };
    expect(restored.value.find((d) => d.title === 'Le convoi de Gao')).toMatchObject({ byline: 'Jane Doe and Amadou Traoré', tags: [], collectionIds: [] });
  });
});
