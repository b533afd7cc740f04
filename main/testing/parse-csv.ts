/** Test support: reading back the CSV files exports write. */

/** A strict RFC 4180 reader: what a spreadsheet does with the file. */
export function parseCsv(csv: string): string[][] {
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
