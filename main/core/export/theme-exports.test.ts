import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOn, populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { restored } from '../../testing/temp-library';
import { ARCHIVE_VERSION, THEMES_SINCE_VERSION } from './library-archive';

let t: TempLibrary;
let fixture: Fixture;
let ids: { violence: number; financing: number; routes: number };
beforeEach(() => {
  t = tempLibrary('fieldbook-theme-exports-');
  fixture = populate(t.library);
  const violence = t.call('themes.create', { name: 'Violence', description: 'Force used or threatened.' });
  const financing = t.call('themes.create', { name: 'Financing', parentId: violence.id, colour: '#123456' });
  const routes = t.call('themes.create', { name: 'Smuggling routes' });
  t.call('highlights.tagTheme', { highlightId: fixture.highlights.timbuktu.id, themeId: financing.id });
  t.call('highlights.tagTheme', { highlightId: fixture.highlights.convoy.id, themeId: routes.id });
  t.call('highlights.tagTheme', { highlightId: fixture.highlights.convoy.id, themeId: violence.id });
  ids = { violence: violence.id, financing: financing.id, routes: routes.id };
});
afterEach(() => t.cleanup());

describe('exports carry themes', () => {
  it('names each passage’s themes in Markdown, by their place in the codebook', () => {
    const markdown = t.call('export.documentMarkdown', { id: fixture.fieldNotes.id }).content;
    expect(markdown).toContain('- Themes: Smuggling routes, Violence');
    expect(t.call('export.documentMarkdown', { id: fixture.article.id }).content).toContain('- Themes: Violence › Financing');
  });

  it('gives the CSV a themes column, each theme as its path', () => {
    const csv = t.call('export.highlightsCsv', { scope: { kind: 'library' }, bom: false }).content;
    const [header, ...rows] = csv.trim().split('\r\n');
    // The grade's two columns come after it (grade-exports.test.ts), then the page and chapter (pdf-exports.test.ts).
    expect(header!.split(',').at(-5)).toBe('themes');
    const timbuktu = rows.find((row) => row.includes(fixture.highlights.timbuktu.uid))!;
    expect(timbuktu.endsWith(',Violence/Financing,,,,')).toBe(true);
    const convoy = rows.find((row) => row.includes(fixture.highlights.convoy.uid))!;
    expect(convoy.endsWith(',"Smuggling routes; Violence",,,,')).toBe(true);
  });

  it('writes themes as Obsidian nested tags in the vault', () => {
    const { files } = t.call('export.vault', {});
    const documents = files.filter((f) => f.path.startsWith('Documents/'));
    const article = documents.find((f) => f.content.includes(fixture.highlights.timbuktu.uid))!;
    expect(article.content).toContain('- Themes: #Violence/Financing');
    const notes = documents.find((f) => f.content.includes(fixture.highlights.convoy.uid))!;
    expect(notes.content).toContain('- Themes: #Smuggling-routes, #Violence');
  });

  it('writes each theme as a W3C tagging body', () => {
    const collection = JSON.parse(t.call('export.webAnnotations', {}).content) as {
      first: { items: Array<{ id: string; body?: Array<{ purpose: string; value?: string; 'fieldbook:theme'?: string }> }> };
    };
    const timbuktu = collection.first.items.find((item) => item.id.endsWith(fixture.highlights.timbuktu.uid))!;
    expect(timbuktu.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'Financing', format: 'text/plain', 'fieldbook:theme': 'Violence/Financing' });
  });
});

describe('the archive carries the codebook', () => {
  it('is version 5 or later, and restores themes and their tags into a fresh library exactly', () => {
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(THEMES_SINCE_VERSION);
    const json = t.call('export.archive', {}).content;
    const archive = JSON.parse(json) as { version: number; themes: unknown[]; highlightThemes: unknown[] };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.themes).toHaveLength(3);
    expect(archive.highlightThemes).toHaveLength(3);

    const fresh = t.open('fresh.sqlite');
    expect(restored(callOn(fresh, 'library.restoreArchive', { json })).added.themes).toBe(3);
    const tree = (library: typeof fresh) => JSON.stringify(callOn(library, 'themes.list', {}));
    expect(tree(fresh)).toBe(tree(t.library));
    const tags = (library: typeof fresh) => library.db.prepare('SELECT highlight_id, theme_id FROM highlight_themes ORDER BY 1, 2').all();
    expect(tags(fresh)).toEqual(tags(t.library));
    expect(callOn(fresh, 'search.query', { query: 'smuggling' }).highlights.map((h) => h.id)).toEqual([fixture.highlights.convoy.id]);

    // Restoring again adds nothing; a theme of the same name under the same parent is the same theme.
    const again = restored(callOn(fresh, 'library.restoreArchive', { json }));
    expect([again.added.themes, again.unchanged.themes]).toEqual([0, 3]);
    expect(tree(fresh)).toBe(tree(t.library));
  });

  it('reads an archive from before themes, and refuses one whose themes loop', () => {
    const archive = JSON.parse(t.call('export.archive', {}).content) as Record<string, unknown> & { themes: Array<{ id: number; parentId: number | null }> };
    const { themes: _themes, highlightThemes: _tags, ...rest } = archive;
    const older = { ...rest, version: THEMES_SINCE_VERSION - 1 };
    const fresh = t.open('older.sqlite');
    callOn(fresh, 'library.restoreArchive', { json: JSON.stringify(older) });
    expect(callOn(fresh, 'themes.list', {})).toEqual([]);
    expect(callOn(fresh, 'highlights.all', { order: 'reading' }).total).toBeGreaterThan(0);

    const [a, b] = archive.themes.filter((theme) => theme.id === ids.violence || theme.id === ids.financing);
    a!.parentId = b!.id;
    b!.parentId = a!.id;
    const error = t.errorOf('library.restoreArchive', { json: JSON.stringify(archive) });
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('sits under itself') });
  });
});
