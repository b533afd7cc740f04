import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { packageResourcesDir } from '../resources-dir';
import { prepareDocument } from './import-document';

const HOSTILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-documents');

/** What the reader sees: the stored HTML parsed by a standards parser, as a browser would. */
function textAsParsed(html: string): string {
  const container = new JSDOM('<!doctype html><body><article></article></body>').window.document.querySelector('article')!;
  container.innerHTML = html;
  return container.textContent ?? '';
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('a document’s text is exactly what its HTML shows', () => {
  const samples: Array<[string, Uint8Array]> = [
    ['aqim-state-sanctuary.html', fs.readFileSync(path.join(packageResourcesDir(), 'aqim-state-sanctuary.html'))],
    ...fs.readdirSync(HOSTILE).map((name): [string, Uint8Array] => [name, fs.readFileSync(path.join(HOSTILE, name))]),
    ['pre.html', utf8('<article><h1>Code</h1><p>Before it.</p><pre>\n\nx = 1\n  y = 2</pre><p>Target after the block.</p></article>')],
    ['wrapped.txt', utf8('Memo\n\nled by Abu Musab\nAbdel Wadoud from the north\nof Algeria')],
    ['list.md', utf8('# List\n\n- **Note**: the *Islamic* State’s claim, see AQIM’s<sup>1</sup> statement\n  - sub point\n- second\n')],
    ['table.html', utf8('<article><p>A table follows.</p><table><tr><th>Group</th><th>Leader</th></tr><tr><td>AQIM</td><td>Abdel Wadoud</td></tr></table></article>')],
  ];

  it.each(samples)('%s', (name, bytes) => {
    const { html, text } = prepareDocument(name, bytes);
    expect(textAsParsed(html)).toBe(text);
  });

  it('keeps words on either side of a line break apart', () => {
    const { text } = prepareDocument('wrapped.txt', utf8('Memo\n\nled by Abu Musab\nAbdel Wadoud from the north\nof Algeria'));
    expect(text).toBe('led by Abu Musab\nAbdel Wadoud from the north\nof Algeria');
  });

  it('keeps an inline run beside a nested list as written', () => {
    const { text } = prepareDocument('list.md', utf8('# List\n\n- **Note**: the *Islamic* State’s claim, see AQIM’s<sup>1</sup> statement\n  - sub point\n- second\n'));
    expect(text).toContain('Note: the Islamic State’s claim, see AQIM’s1 statement\n\nsub point\nsecond');
  });
});
