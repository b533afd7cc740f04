import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightsCsvFile } from './export-files';
import { csvField } from './highlights-csv';
import { populate, tempLibrary, type Fixture, type TempLibrary } from './test-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-csv-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

/** A strict RFC 4180 reader: what a spreadsheet does with the file. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < csv.length) {
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quote');
        if (csv[i] === '"' && csv[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else field += csv[i++];
      }
    } else if (csv[i] === ',') {
      endField();
      i++;
    } else if (csv[i] === '\r' && csv[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (csv[i] === '\n' || csv[i] === '\r') throw new Error(`bare line break at ${i}`);
    else field += csv[i++];
  }
  if (field || row.length) throw new Error('missing final CRLF');
  return rows;
}

describe('CSV of highlights', () => {
  it('exports the library with RFC 4180 quoting, a BOM for Excel and CRLF line ends', () => {
    const { content } = highlightsCsvFile(t.library, { kind: 'library' });
    expect(content.startsWith('\uFEFFdocument,quote,colour,comment,actors,created,status,document_id,highlight_id\r\n')).toBe(true);
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
});
