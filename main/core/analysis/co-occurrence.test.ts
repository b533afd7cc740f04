import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { CoOccurrence } from '../../common/records';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-cooc-');
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);

function importReport(name: string, text: string, published: string): number {
  const [outcome] = call('documents.import', { files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  call('documents.update', { id: outcome.document.id, published });
  return outcome.document.id;
}

function passage(documentId: number, phrase: string, themeIds: number[], actorIds: number[]): number {
  const text = call('documents.get', { id: documentId }).text;
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const highlight = call('highlights.create', { documentId, start, end: start + phrase.length, colour: 'yellow' });
  for (const themeId of themeIds) call('highlights.tagTheme', { highlightId: highlight.id, themeId });
  for (const actorId of actorIds) call('highlights.tag', { highlightId: highlight.id, actorId });
  return highlight.id;
}

/**
 * Three reports from 2011 to 2013; a codebook three levels deep with an empty theme; actors on the
 * same passages. One passage, tagged with an actor nowhere else, is deleted.
 */
function library() {
  const theme = (name: string, parentId?: number) => call('themes.create', { name, ...(parentId !== undefined && { parentId }) }).id;
  const violence = theme('Violence');
  const attacks = theme('Attacks', violence);
  const financing = theme('Financing', violence);
  const ransom = theme('Ransom', financing);
  const recruitment = theme('Recruitment');
  const actor = (name: string, kind: string) => call('actors.create', { name, kind }).id;
  const aqim = actor('AQIM', 'group');
  const mnla = actor('MNLA', 'group');
  const mali = actor('Mali', 'state');
  const wadoud = actor('Abu Musab Abdel Wadoud', 'person');
  const first = importReport('first.md', '# Gao, 2011\n\nAQIM and the MNLA met near Gao.\n\nMali sent no troops.\n', '2011-06');
  const second = importReport('second.md', '# Kidal, 2012\n\nThe MNLA fought beside AQIM at Kidal.\n\nWadoud spoke for AQIM.\n', '2012-03-14');
  const third = importReport('third.md', '# Bamako, 2013\n\nMali asked for help against AQIM.\n', '2013');
  passage(first, 'AQIM and the MNLA met near Gao.', [financing, attacks], [aqim, mnla]);
  passage(first, 'Mali sent no troops.', [attacks], [mali]);
  passage(second, 'The MNLA fought beside AQIM at Kidal.', [attacks, ransom], [aqim, mnla]);
  const spoke = passage(second, 'Wadoud spoke for AQIM.', [financing, attacks], [wadoud, aqim]);
  call('highlights.delete', { id: spoke });
  passage(third, 'Mali asked for help against AQIM.', [ransom, violence], [mali, aqim]);
  return { violence, attacks, financing, ransom, recruitment, aqim, mnla, mali, wadoud, first, second, third };
}

/** Each row as "name: counts", indented by depth, for a matrix read at a glance. */
const table = (matrix: CoOccurrence) => matrix.rows.map((row) => `${'  '.repeat(row.depth)}${row.name} ${row.passageCount}: ${row.counts.join(' ')}`);

describe('the co-occurrence matrix', () => {
  it('sets the whole codebook, in tree order, against itself; direct codings only, the diagonal the theme’s own count', () => {
    library();
    const matrix = call('analysis.coOccurrence', { against: 'themes' });
    expect(matrix.columns.map((column) => column.name)).toEqual(['Recruitment', 'Violence', 'Attacks', 'Financing', 'Ransom']);
    // Violence counts only the passage coded Violence itself, not its sub-themes' five.
    expect(table(matrix)).toEqual([
      'Recruitment 0: 0 0 0 0 0',
      'Violence 1: 0 1 0 0 1',
      '  Attacks 3: 0 0 3 1 1',
      '  Financing 1: 0 0 1 1 0',
      '    Ransom 2: 0 1 1 0 2',
    ]);
    expect(matrix.rows.find((row) => row.name === 'Ransom')?.path).toEqual(['Violence', 'Financing', 'Ransom']);
  });

  it('sets themes against the actors tagged on live passages, A to Z; the deleted passage’s only actor has no column', () => {
    library();
    const matrix = call('analysis.coOccurrence', { against: 'actors' });
    expect(matrix.columns.map((column) => [column.name, column.kind, column.passageCount])).toEqual([
      ['AQIM', 'actor', 3],
      ['Mali', 'actor', 2],
      ['MNLA', 'actor', 2],
    ]);
    expect(table(matrix)).toEqual([
      'Recruitment 0: 0 0 0',
      'Violence 1: 1 1 0',
      '  Attacks 3: 2 1 2',
      '  Financing 1: 1 0 1',
      '    Ransom 2: 2 1 1',
    ]);
  });

  it('narrows to a document, a collection and a span of publication dates, keeping every theme as a row', () => {
    const { first, third } = library();
    expect(table(call('analysis.coOccurrence', { against: 'themes', documentId: first }))).toEqual([
      'Recruitment 0: 0 0 0 0 0',
      'Violence 0: 0 0 0 0 0',
      '  Attacks 2: 0 0 2 1 0',
      '  Financing 1: 0 0 1 1 0',
      '    Ransom 0: 0 0 0 0 0',
    ]);
    const sahel = call('collections.create', { name: 'Sahel 2011 and 2013' });
    call('documents.update', { id: first, collectionIds: [sahel.id] });
    call('documents.update', { id: third, collectionIds: [sahel.id] });
    const inCollection = call('analysis.coOccurrence', { against: 'actors', collectionId: sahel.id });
    expect(table(inCollection)[1]).toBe('Violence 1: 1 1 0');
    expect(table(inCollection)[4]).toBe('    Ransom 1: 1 1 0');
    const in2012 = call('analysis.coOccurrence', { against: 'actors', publishedFrom: '2012', publishedTo: '2012' });
    expect(in2012.columns.map((column) => column.name)).toEqual(['AQIM', 'MNLA']);
    expect(table(in2012)[2]).toBe('  Attacks 1: 1 1');
  });

  it('opens a cell as the passages carrying both, with their tags, by document then reading order', () => {
    const { attacks, financing, ransom, aqim, mali, second } = library();
    const cell = call('analysis.coOccurrencePassages', { themeId: attacks, with: { kind: 'actor', id: aqim } });
    expect(cell.total).toBe(2);
    expect(cell.passages.map((p) => [p.documentTitle, p.highlight.exact])).toEqual([
      ['Gao, 2011', 'AQIM and the MNLA met near Gao.'],
      ['Kidal, 2012', 'The MNLA fought beside AQIM at Kidal.'],
    ]);
    expect(cell.passages[1]?.highlight.themeIds.sort()).toEqual([attacks, ransom].sort());
    expect(cell.passages[1]?.highlight.actorIds).toHaveLength(2);
    expect([cell.theme.name, cell.theme.path, cell.with.name, cell.with.passageCount]).toEqual(['Attacks', ['Violence', 'Attacks'], 'AQIM', 3]);

    // The deleted passage, coded Financing and Attacks, is not behind the cell.
    const pair = call('analysis.coOccurrencePassages', { themeId: financing, with: { kind: 'theme', id: attacks } });
    expect(pair.passages.map((p) => p.highlight.exact)).toEqual(['AQIM and the MNLA met near Gao.']);
    // The diagonal opens the theme's own passages.
    expect(call('analysis.coOccurrencePassages', { themeId: ransom, with: { kind: 'theme', id: ransom } }).total).toBe(2);
    // The cell follows the matrix's filter.
    const narrowed = call('analysis.coOccurrencePassages', { themeId: attacks, with: { kind: 'actor', id: aqim }, documentId: second });
    expect([narrowed.total, narrowed.with.passageCount, narrowed.theme.passageCount]).toEqual([1, 1, 1]);
    expect(call('analysis.coOccurrencePassages', { themeId: financing, with: { kind: 'actor', id: mali } }).passages).toEqual([]);
  });

  it('answers bad input with what is wrong, and an unknown theme, actor, document or collection as not found', () => {
    const { attacks, aqim } = library();
    expect(t.errorOf('analysis.coOccurrence', {}).message).toMatch(/against themes or actors/);
    expect(t.errorOf('analysis.coOccurrence', { against: 'documents' }).message).toMatch(/against themes or actors/);
    expect(t.errorOf('analysis.coOccurrence', { against: 'themes', kinds: ['group'] }).code).toBe('invalid_input');
    expect(t.errorOf('analysis.coOccurrence', { against: 'themes', publishedFrom: '2013', publishedTo: '2012' }).message).toMatch(/must not come after/);
    expect(t.errorOf('analysis.coOccurrence', { against: 'themes', documentId: 999 })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('analysis.coOccurrence', { against: 'actors', collectionId: 999 })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: 999, with: { kind: 'actor', id: aqim } })).toEqual({
      code: 'not_found',
      message: 'There is no theme with id 999.',
    });
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: attacks, with: { kind: 'actor', id: 999 } }).code).toBe('not_found');
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: attacks, with: { kind: 'theme', id: 999 } }).code).toBe('not_found');
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: attacks, with: { kind: 'note', id: 1 } }).message).toMatch(/a theme or an actor/);
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: attacks }).code).toBe('invalid_input');
    expect(t.errorOf('analysis.coOccurrencePassages', { themeId: 'x', with: { kind: 'actor', id: aqim } }).message).toMatch(/An id must be a number/);
    expect(t.errorOf('export.coOccurrence', { against: 'themes', bom: 'yes' }).code).toBe('invalid_input');
  });

  it('answers an empty codebook with no rows', () => {
    expect(call('analysis.coOccurrence', { against: 'themes' })).toEqual({ against: 'themes', rows: [], columns: [] });
  });
});

describe('the co-occurrence matrix exported', () => {
  it('as CSV: a theme per line named by its path, a count per column, a BOM unless declined', () => {
    library();
    const file = call('export.coOccurrence', { against: 'themes' });
    expect(file.fileName).toBe('Theme co-occurrence.csv');
    expect(file.mediaType).toMatch(/^text\/csv/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content.slice(1).split('\r\n')).toEqual([
      'Theme,Recruitment,Violence,Violence / Attacks,Violence / Financing,Violence / Financing / Ransom',
      'Recruitment,0,0,0,0,0',
      'Violence,0,1,0,0,1',
      'Violence / Attacks,0,0,3,1,1',
      'Violence / Financing,0,0,1,1,0',
      'Violence / Financing / Ransom,0,1,1,0,2',
      '',
    ]);
    const actors = call('export.coOccurrence', { against: 'actors', bom: false });
    expect(actors.fileName).toBe('Theme and actor co-occurrence.csv');
    expect(actors.content.split('\r\n')[0]).toBe('Theme,AQIM,Mali,MNLA');
  });

  it('keeps hostile names as text: no cell starts a formula, and separators stay inside quotes', () => {
    const { aqim, first } = library();
    const hostile = call('themes.create', { name: '=cmd' }).id;
    const tagged = call('highlights.list', { documentId: first })[0]!;
    call('highlights.tagTheme', { highlightId: tagged.id, themeId: hostile });
    call('actors.update', { id: aqim, name: '@SUM(1+1), AQIM' });
    const themes = call('export.coOccurrence', { against: 'themes', bom: false }).content.split('\r\n');
    expect(themes[0]).toMatch(/^Theme,'=cmd,Recruitment,/);
    expect(themes.slice(1).find((line) => line.includes('cmd'))).toBe("'=cmd,1,0,0,1,1,0");
    const actors = call('export.coOccurrence', { against: 'actors', bom: false }).content.split('\r\n');
    expect(actors[0]).toBe(`Theme,"'@SUM(1+1), AQIM",Mali,MNLA`);
    for (const line of [...themes, ...actors]) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
