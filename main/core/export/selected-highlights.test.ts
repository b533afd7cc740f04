import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-selection-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

/** The quote column of each row after the header; no quote in the fixture holds a comma or a quote mark. */
const csvQuotes = (content: string) =>
  content
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1)
    .map((line) => line.split(',')[1]);

describe('exporting chosen highlights', () => {
  it('writes exactly the chosen highlights of two documents as CSV, and nothing of their neighbours', () => {
    const { timbuktu, convoy } = fixture.highlights;
    const file = t.call('export.highlightsSelection', { highlightIds: [convoy.id, timbuktu.id], format: 'csv' });
    expect(file.fileName).toBe('Selected highlights.csv');
    expect(file.content.startsWith('\uFEFFdocument,quote,')).toBe(true);
    // One row for each chosen passage, whichever document it is in.
    expect(csvQuotes(file.content).sort()).toEqual([convoy.exact, timbuktu.exact].sort());
    expect(file.content).toContain(timbuktu.uid);
    expect(file.content).toContain(convoy.uid);
    expect(file.content).not.toContain(fixture.highlights.overlap.uid);
    expect(file.content).not.toContain(fixture.highlights.orphan.uid);
  });

  it('writes them as Markdown under each document’s own heading, with their actors and comments', () => {
    const { timbuktu, convoy, overlap } = fixture.highlights;
    const { content, fileName } = t.call('export.highlightsSelection', { highlightIds: [timbuktu.id, convoy.id], format: 'markdown' });
    expect(fileName).toBe('Selected highlights.md');
    expect(content).toContain(`# ${fixture.article.title}`);
    expect(content).toContain(`# ${fixture.fieldNotes.title}`);
    expect(content).toContain('> According to a document found in Timbuktu');
    expect(content).toContain('> heading north towards Kidal');
    expect(content).toContain('- Comment: Key source');
    expect(content).toContain('@Mokhtar Belmokhtar');
    expect(content).not.toContain(overlap.exact);
    expect(content.match(/^## Highlights \(1\)$/gm)).toHaveLength(2);
  });

  it('refuses a selection naming a deleted or unknown highlight rather than exporting part of it', () => {
    const { timbuktu, deleted } = fixture.highlights;
    expect(t.errorOf('export.highlightsSelection', { highlightIds: [timbuktu.id, deleted.id], format: 'csv' })).toEqual({
      code: 'not_found',
      message: `There is no highlight with id ${deleted.id}.`,
    });
    expect(t.errorOf('export.highlightsSelection', { highlightIds: [], format: 'csv' })).toMatchObject({ code: 'invalid_input' });
    expect(t.errorOf('export.highlightsSelection', { highlightIds: [timbuktu.id], format: 'pdf' })).toMatchObject({ code: 'invalid_input' });
  });
});
