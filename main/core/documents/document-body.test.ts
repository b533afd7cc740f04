import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { splitPassages } from '../search/passages';
import { DocumentBodyWriter, PIECE_CHARACTERS, textPieceBounds, writeDocumentBody } from './document-body';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-body-');
});
afterEach(() => t.cleanup());

function newDocument(title: string): number {
  return Number(
    t.library.db
      .prepare(`INSERT INTO documents (uid, title, format, word_count, content_hash, imported_at, updated_at) VALUES (?, ?, 'html', 0, ?, '2024-01-01', '2024-01-01')`)
      .run(`uid-${title}`, title, `hash-${title}`).lastInsertRowid,
  );
}
const body = (id: number) => t.library.db.prepare('SELECT html, text FROM document_bodies WHERE document_id = ?').get(id) as { html: string; text: string };
const passages = (id: number) =>
  t.library.db.prepare('SELECT start, "end", text FROM document_passages WHERE document_id = ? ORDER BY start').all(id) as Array<{ start: number; end: number; text: string }>;

describe('a document body in pieces', () => {
  it('cuts a long text at passages, in pieces that cover it end to end', () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i}: the convoy 🚙 crossed near Gao, عبرت القافلة.`).join('\n\n');
    const bounds = textPieceBounds(text);
    expect(bounds.length).toBeGreaterThan(text.length / PIECE_CHARACTERS - 1);
    expect(bounds[0]!.start).toBe(0);
    expect(bounds.at(-1)!.end).toBe(text.length);
    const starts = new Set(splitPassages(text).map((p) => p.start));
    bounds.forEach((bound, i) => {
      if (i > 0) expect(bound.start).toBe(bounds[i - 1]!.end);
      if (i > 0) expect(starts.has(bound.start)).toBe(true);
    });
    // One block with no break at all is still cut, between passages inside it.
    const wall = 'word '.repeat(20_000).trim();
    expect(textPieceBounds(wall).length).toBeGreaterThan(1);
  });

  it('reads back exactly what was written, emoji across a cut of the HTML included', () => {
    const id = newDocument('Emoji');
    // The emoji's two halves fall either side of the HTML's first cut (64K code units).
    const html = `<p>${'a'.repeat(64 * 1024 - 4)}🚙 ${'ب'.repeat(70_000)}</p>`;
    const text = `${'a'.repeat(64 * 1024 - 4)}🚙 ${'ب'.repeat(70_000)}`;
    t.library.write(() => writeDocumentBody(t.library, id, html, text));
    expect(body(id)).toEqual({ html, text });
  });

  it('gives text with nothing but spaces no passage of its own, and keeps every character', () => {
    const id = newDocument('Runs');
    const runs = ['First block of the report.', '\n\n', '\n\n', '\n\nSecond block, after a rule and an image.', '\n\n'];
    const { wordCount } = t.library.write(() => {
      const writer = new DocumentBodyWriter(t.library, id);
      for (const run of runs) writer.appendText(run);
      return writer.finish();
    });
    expect(wordCount).toBe(13);
    expect(body(id).text).toBe(runs.join(''));
    expect(passages(id).map((p) => p.text)).toEqual(['First block of the report.', 'Second block, after a rule and an image.']);
    const text = runs.join('');
    for (const passage of passages(id)) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('still gives a document with no text one empty passage, so that its title finds it', () => {
    const id = newDocument('Only a title');
    t.library.write(() => new DocumentBodyWriter(t.library, id).finish());
    expect(passages(id)).toEqual([{ start: 0, end: 0, text: '' }]);
    expect(t.call('search.query', { query: 'title' }).documents.map((d) => d.id)).toContain(id);
  });
});
