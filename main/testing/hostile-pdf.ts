/** Test support: a PDF built to do harm when opened, for the importer and the offline command line. */

/**
 * A PDF written to do harm when opened: a script run on open, an action that launches a program,
 * a link annotation to a canary, and text that looks like markup. Its cross-reference offsets are
 * computed, so pdf.js reads it as written rather than repairing it.
 */
export function hostilePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(run) 5 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> /Annots [6 0 R] /AA << /O 8 0 R >> >>',
    null,
    '<< /S /JavaScript /JS (app.launchURL\\("http://127.0.0.9:9/leak/pdf-script"\\); this.exportDataObject\\({cName: "x", nLaunch: 2}\\);) >>',
    '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (http://127.0.0.9:9/leak/pdf-link) >> >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >>',
  ];
  const stream = 'BT /F1 12 Tf 72 710 Td (Hello <script>alert(1)</script> & goodbye) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
