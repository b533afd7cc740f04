import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TAGS } from '../../api';
import { Library } from '../db/library';
import { getDocument } from '../documents/document-repo';
import { importFile } from './import-document';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-documents');
const HOSTILE = fs.readdirSync(FOLDER).filter((name) => /\.(html|md)$/.test(name));
const SAFE_TAGS = new Set(DOCUMENT_TAGS);

let dir: string;
let library: Library;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-hostile-'));
  library = Library.open(path.join(dir, 'library.sqlite')).library;
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything in the stored HTML that a browser could run or fetch. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const root = new JSDOM(`<body>${html}</body>`).window.document.body;
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!SAFE_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'action' || name === 'formaction') found.push(`${tag}[${name}]`);
      if (name === 'href' && !/^(https?:|mailto:|#)/i.test(value)) found.push(`${tag}[href=${value}]`);
      if (name === 'src' && !/^data:image\//i.test(value)) found.push(`${tag}[src=${value}]`);
      // A web link loads nothing until a person follows it (and the app asks first); anything else must not point at the canary.
      if (value.includes('/canary/') && !(name === 'href' && /^https?:/i.test(value))) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe('importing hostile documents', () => {
  it('has a corpus of hostile files to try', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(13);
  });

  it.each(HOSTILE)('%s keeps its text and nothing that could run or load', (name) => {
    const outcome = importFile(library, name, fs.readFileSync(path.join(FOLDER, name)));
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const doc = getDocument(library, outcome.document.id);
    expect(dangers(doc.html)).toEqual([]);
    expect(doc.text).toMatch(/which must import as text alone/);
  });

  it('shows a remote image as its address in text, and keeps a data: image', () => {
    const doc = getDocument(library, (library.db.prepare("SELECT id FROM documents WHERE file_name = 'remote-media.html'").get() as { id: number }).id);
    expect(doc.text).toContain('[Image: a map of Mali (http://127.0.0.1:9/canary/remote.png)]');
    expect(doc.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="a pixel">/);
  });
});
