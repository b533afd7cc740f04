import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../changes/change-feed';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-themes-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const create = (name: string, parentId?: number) => t.call('themes.create', parentId === undefined ? { name } : { name, parentId });
const tree = () => {
  const names = (nodes: ReturnType<typeof t.call<'themes.list'>>): unknown[] => nodes.map((n) => (n.children.length ? { [n.name]: names(n.children) } : n.name));
  return names(t.call('themes.list', {}));
};

describe('the codebook', () => {
  it('nests themes and lists them as a tree, A to Z at every level', () => {
    const violence = create('Violence');
    create('Recruitment');
    const financing = create('Financing', violence.id);
    create('Kidnapping', financing.id);
    create('Arms', violence.id);
    expect(tree()).toEqual(['Recruitment', { Violence: ['Arms', { Financing: ['Kidnapping'] }] }]);
    expect(financing).toMatchObject({ parentId: violence.id, description: '', passageCount: 0, colour: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it('keeps names unique among siblings only, up to case and accents', () => {
    const a = create('State complicity');
    const b = create('Financing');
    create('Sources', a.id);
    expect(create('Sources', b.id).name).toBe('Sources');
    expect(t.errorOf('themes.create', { name: 'state  COMPLICITY' })).toEqual({ code: 'conflict', message: 'There is already a theme named “State complicity” at the top of the codebook.' });
    expect(t.errorOf('themes.create', { name: 'sources', parentId: a.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('under “State complicity”') });
  });

  it('answers bad input with a clear error and writes nothing', () => {
    expect(t.errorOf('themes.create', { name: '  ' })).toEqual({ code: 'invalid_input', message: 'A theme needs a name.', field: 'name' });
    expect(t.errorOf('themes.create', { name: 'x', colour: 'red' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('#rrggbb') });
    expect(t.errorOf('themes.create', { name: '!!' })).toMatchObject({ code: 'invalid_input' });
    expect(t.errorOf('themes.create', { name: 'x', parentId: 999 })).toEqual({ code: 'not_found', message: 'There is no theme with id 999.' });
    expect(t.errorOf('themes.create', { name: 'x', extra: 1 })).toMatchObject({ code: 'invalid_input' });
    expect(t.errorOf('themes.update', { id: 999, name: 'y' })).toMatchObject({ code: 'not_found' });
    expect(t.call('themes.list', {})).toEqual([]);
  });

  it('renames, recolours, describes and moves a theme, and refuses a cycle', () => {
    const a = create('A');
    const b = create('B', a.id);
    const c = create('C', b.id);
    const updated = t.call('themes.update', { id: c.id, name: 'C prime', colour: '#123456', description: 'Its definition.' });
    expect(updated).toMatchObject({ name: 'C prime', colour: '#123456', description: 'Its definition.', parentId: b.id });
    expect(t.errorOf('themes.update', { id: a.id, parentId: c.id })).toEqual({
      code: 'conflict',
      message: '“A” cannot move under “C prime”, which is itself or one of its own sub-themes.',
    });
    expect(t.errorOf('themes.update', { id: a.id, parentId: a.id })).toMatchObject({ code: 'invalid_input' });
    t.call('themes.update', { id: c.id, parentId: null });
    t.call('themes.update', { id: a.id, parentId: c.id });
    expect(tree()).toEqual([{ 'C prime': [{ A: ['B'] }] }]);
  });

  it('tags passages with themes and shows a theme’s passages across documents', () => {
    const financing = create('Financing');
    const { timbuktu, convoy, deleted } = fixture.highlights;
    const tagged = t.call('highlights.tagTheme', { highlightId: timbuktu.id, themeId: financing.id });
    expect(tagged.themeIds).toEqual([financing.id]);
    expect(t.call('highlights.tagManyTheme', { highlightIds: [timbuktu.id, convoy.id], themeId: financing.id })).toEqual({ tagged: 1 });
    expect(t.errorOf('highlights.tagTheme', { highlightId: deleted.id, themeId: financing.id })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('highlights.tagTheme', { highlightId: timbuktu.id, themeId: 999 })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('highlights.tagManyTheme', { highlightIds: [convoy.id, deleted.id], themeId: financing.id })).toMatchObject({ code: 'not_found' });

    const page = t.call('themes.page', { id: financing.id });
    expect(page.passageCount).toBe(2);
    expect(page.passages.map((p) => [p.documentTitle, p.highlight.id])).toEqual(
      [[fixture.article.title, timbuktu.id], [fixture.fieldNotes.title, convoy.id]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(page.passages.find((p) => p.highlight.id === convoy.id)!.highlight.actorIds.length).toBeGreaterThan(0);
    const filtered = t.call('highlights.all', { order: 'reading', themeId: financing.id });
    expect(filtered.highlights.map((h) => h.id).sort()).toEqual([timbuktu.id, convoy.id].sort());
    expect(t.call('highlights.list', { documentId: fixture.article.id }).find((h) => h.id === timbuktu.id)!.themeIds).toEqual([financing.id]);

    expect(t.call('highlights.untagTheme', { highlightId: timbuktu.id, themeId: financing.id }).themeIds).toEqual([]);
    expect(t.call('themes.page', { id: financing.id }).passageCount).toBe(1);
  });

  it('merges one theme into another: passages and sub-themes move, the merged one is gone', () => {
    const a = create('Money');
    const b = create('Financing');
    create('Ransoms', a.id);
    const { timbuktu, convoy } = fixture.highlights;
    t.call('highlights.tagTheme', { highlightId: timbuktu.id, themeId: a.id });
    t.call('highlights.tagTheme', { highlightId: convoy.id, themeId: a.id });
    t.call('highlights.tagTheme', { highlightId: convoy.id, themeId: b.id });
    const kept = t.call('themes.merge', { keepId: b.id, mergeId: a.id });
    expect(kept.passageCount).toBe(2);
    expect(tree()).toEqual([{ Financing: ['Ransoms'] }]);
    expect(t.errorOf('themes.page', { id: a.id })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('themes.merge', { keepId: b.id, mergeId: b.id })).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses to merge a theme into its own sub-theme, and a merge whose sub-themes would clash', () => {
    const a = create('A');
    const b = create('B', a.id);
    create('Same', a.id);
    create('Same', b.id);
    expect(t.errorOf('themes.merge', { keepId: b.id, mergeId: a.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('own sub-themes') });
    const c = create('C');
    create('Same', c.id);
    expect(t.errorOf('themes.merge', { keepId: c.id, mergeId: b.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('already a theme named “Same” under “C”') });
    expect(tree()).toEqual([{ A: [{ B: ['Same'] }, 'Same'] }, { C: ['Same'] }]);
  });

  it('deletes a theme: its passages lose the tag, its sub-themes move up', () => {
    const a = create('A');
    const b = create('B', a.id);
    create('B1', b.id);
    t.call('highlights.tagTheme', { highlightId: fixture.highlights.timbuktu.id, themeId: b.id });
    expect(t.call('themes.delete', { id: b.id })).toMatchObject({ tagsRemoved: 1, subThemesMoved: 1 });
    expect(tree()).toEqual([{ A: ['B1'] }]);
    expect(t.call('highlights.list', { documentId: fixture.article.id }).find((h) => h.id === fixture.highlights.timbuktu.id)!.themeIds).toEqual([]);
  });

  it('publishes every write to the change feed', () => {
    const feed = new ChangeFeed(t.library);
    feed.poll();
    const a = create('A');
    expect(feed.poll()!.changed).toEqual({ theme: [a.id] });
    t.call('highlights.tagTheme', { highlightId: fixture.highlights.convoy.id, themeId: a.id });
    expect(feed.poll()!.changed).toEqual({ highlight: [fixture.highlights.convoy.id], theme: [a.id] });
  });
});

describe('search', () => {
  it('finds themes by name and description, and passages by their themes’ names', () => {
    const theme = t.call('themes.create', { name: 'Smuggling routes', description: 'Trans-Saharan contraband' });
    t.call('highlights.tagTheme', { highlightId: fixture.highlights.convoy.id, themeId: theme.id });
    const found = t.call('search.query', { query: 'smuggling' });
    expect(found.themes.map((x) => x.id)).toEqual([theme.id]);
    expect(found.highlights.map((h) => h.id)).toEqual([fixture.highlights.convoy.id]);
    expect(t.call('search.query', { query: 'contraband', kinds: ['theme'] }).themes.map((x) => x.name)).toEqual(['Smuggling routes']);
    t.call('themes.update', { id: theme.id, name: 'Trafficking' });
    expect(t.call('search.query', { query: 'smuggling' }).highlights).toEqual([]);
    expect(t.call('search.query', { query: 'trafficking' }).highlights.map((h) => h.id)).toEqual([fixture.highlights.convoy.id]);
    t.library.db.exec('DELETE FROM themes_fts; DELETE FROM highlight_themes_fts;');
    t.call('search.rebuild', {});
    expect(t.call('search.query', { query: 'trafficking' }).themes.map((x) => x.id)).toEqual([theme.id]);
    expect(t.call('search.query', { query: 'trafficking' }).highlights.map((h) => h.id)).toEqual([fixture.highlights.convoy.id]);
  });
});
