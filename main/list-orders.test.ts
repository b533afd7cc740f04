/** The core lists documents, actors and notes in the orders of main/common/sort-orders.ts, the ones the page keeps. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byLastChange, byName, byTitle } from './common/sort-orders';
import { tempLibrary, type TempLibrary } from './testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const markdown = (title: string) => ({ name: `${title}.md`, base64: Buffer.from(`# ${title}\n\nSome words about ${title}.\n`).toString('base64') });

describe('list orders', () => {
  it('lists documents by title as a reader expects: accents and case aside, numbers by value', () => {
    const mine = ['Zeta', 'Élysée', 'alpha', 'Report 10', 'Report 9'];
    t.call('documents.import', { files: mine.map(markdown) });
    const listed = t.call('documents.list', {});
    // The library starts with a bundled article; only the order of these five matters here.
    const titles = listed.map((d) => d.title).filter((title) => mine.includes(title));
    expect(titles).toEqual(['alpha', 'Élysée', 'Report 9', 'Report 10', 'Zeta']);
    expect(listed).toEqual([...listed].sort(byTitle));
  });

  it('lists actors by name as the page sorts them', () => {
    for (const name of ['Zinder', 'Énergie', 'ansar', 'Unit 12', 'Unit 2']) t.call('actors.create', { name, kind: 'group' });
    const listed = t.call('actors.list', {});
    expect(listed.map((a) => a.name)).toEqual(['ansar', 'Énergie', 'Unit 2', 'Unit 12', 'Zinder']);
    expect(listed).toEqual([...listed].sort(byName));
  });

  it('lists notes by their last change, newest first, as the page keeps them', () => {
    const first = t.call('notes.create', { title: 'First' });
    const second = t.call('notes.create', { title: 'Second' });
    const listed = t.call('notes.list', {});
    expect(listed.map((n) => n.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(listed).toEqual([...listed].sort(byLastChange));
  });
});
