import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightsCsvFile } from './export-files';
import { csvField } from './highlights-csv';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { parseCsv } from '../../testing/parse-csv';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-csv-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

describe('CSV of highlights', () => {
  it('exports the library with RFC 4180 quoting, a BOM for Excel and CRLF line ends', () => {
    const { content } = highlightsCsvFile(t.library, { kind: 'library' });
    expect(content.startsWith('\uFEFFdocument,quote,colour,comment,actors,created,status,document_id,highlight_id,authors,published,publisher,document_tags,themes,reliability,credibility,page,chapter\r\n')).toBe(true);
    const rows = parseCsv(content.slice(1));
    expect(rows).toHaveLength(5);
    const timbuktu = rows.find((r) => r[8] === fixture.highlights.timbuktu.uid)!;
    expect(timbuktu).toEqual([
      fixture.article.title,
      'According to a document found in Timbuktu',
      'yellow',
      'Key source, "General instructions";\nsee also Wadoud.',
      'AQIM; Mali',
      fixture.highlights.timbuktu.createdAt,
      'exact',
      fixture.article.uid,
      fixture.highlights.timbuktu.uid,
      fixture.article.authors.join('; '),
      fixture.article.published ?? '',
      fixture.article.publisher ?? '',
      '',
      '',
      '',
      '',
      // Neither page nor chapter: an HTML article has no parts.
      '',
      '',
    ]);
    expect(content).toContain('"Key source, ""General instructions"";\nsee also Wadoud."');
  });

  it('scopes to a document or an actor', () => {
    const byDocument = parseCsv(highlightsCsvFile(t.library, { kind: 'document', documentId: fixture.fieldNotes.id }, { bom: false }).content);
    expect(byDocument.slice(1).map((r) => [r[1], r[6]])).toEqual([
      ['heading north towards Kidal', 'exact'],
      ['A commander of AQIM said the roads were', 'orphaned'],
    ]);
    const byActor = highlightsCsvFile(t.library, { kind: 'actor', actorId: fixture.belmokhtar.id }, { bom: false });
    expect(byActor.fileName).toBe('Mokhtar Belmokhtar - highlights.csv');
    expect(parseCsv(byActor.content).slice(1).map((r) => r[1])).toEqual(['heading north towards Kidal']);
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps formulas from running in a spreadsheet that splits on semicolons, tabs or bars', () => {
    // Unquoted, a spreadsheet splitting on ';' would start a cell at =cmd.
    expect(csvField("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvField('a\t+1|@SUM(A1); -2')).toBe(`"a\t'+1|'@SUM(A1); '-2"`);
    expect(csvField('AQIM; Mali')).toBe('"AQIM; Mali"');
    expect(csvField('well-known, fine')).toBe('"well-known, fine"');
  });

  it('keeps formulas from running behind spaces or a quote, as a lenient reader on any separator sees the cells', () => {
    const values = [' =1+1', '\u00a0@SUM(A1)', 'x;"=cmd|\' /C calc\'!A0', 'x; "+1"', '"-2', 'a,\t"@3'];
    const line = values.map(csvField).join(',');
    for (const separator of [',', ';', '\t', '|']) {
      for (const cell of lenientCells(line, separator)) {
        expect(cell, `split on ${JSON.stringify(separator)}: ${line}`).not.toMatch(/^[\s"]*[=+\-@＝＋－＠]/);
      }
    }
    // Read as a CSV, each cell is the value with only a quote mark added before the formula character.
    expect(parseCsv(`${line}\r\n`)[0]!.map((cell) => cell.replace(/'(?=[=+\-@\t])/g, ''))).toEqual(values);
  });
});

/**
 * Cells as a forgiving reader splits them (Python's csv, spreadsheets' import): a quote opens
 * quoting only at a cell's start, `""` inside is a quote, and a quote followed by anything else
 * ends quoting but not the cell.
 */
function lenientCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      atStart = true;
    } else {
      cell += ch;
      atStart = false;
    }
  }
  cells.push(cell);
  return cells;
}
