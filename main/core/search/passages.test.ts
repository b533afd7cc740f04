import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE, splitPassages, type Passage } from './passages';

const words = (text: string) => text.match(/\S+/g) ?? [];
/** Every word of the text lies wholly inside exactly one passage, in order. */
function expectEveryWordOnce(text: string, passages: Passage[]) {
  const covered = passages.flatMap((p) => words(text.slice(p.start, p.end)));
  expect(covered).toEqual(words(text));
}

describe('cutting a document into passages', () => {
  it('keeps short blocks together and never passes the size bound', () => {
    const paragraph = (n: number) => `Paragraph ${n} says the convoy moved north. `.repeat(6).trim();
    const text = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const passages = splitPassages(text);
    expect(passages.length).toBeLessThan(40);
    for (const p of passages) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE);
      // Cut between blocks: a passage starts a paragraph and ends one.
      expect(text.slice(p.start, p.end)).toMatch(/^Paragraph \d+ [\s\S]*north\.$/);
    }
    expectEveryWordOnce(text, passages);
  });

  it('cuts a long block after sentences, then at spaces, then anywhere', () => {
    const sentences = 'The patrol waited at the ferry for news of the convoy. '.repeat(200).trim();
    const unbroken = 'word '.repeat(1_000).trim();
    const noSpaces = `${'x'.repeat(4_000)}😀${'y'.repeat(10)}`;
    for (const text of [sentences, unbroken, noSpaces, `${sentences}\n\n${unbroken}\n\n${noSpaces}`]) {
      const passages = splitPassages(text);
      for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE);
      expect(passages.map((p) => text.slice(p.start, p.end)).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
    for (const p of splitPassages(sentences)) expect(sentences.slice(p.start, p.end)).toMatch(/^The [\s\S]*convoy\.$/);
    expectEveryWordOnce(unbroken, splitPassages(unbroken));
    // The emoji's two halves stay in one passage.
    expect(splitPassages(noSpaces).some((p) => noSpaces.slice(p.start, p.end).includes('😀'))).toBe(true);
  });

  it('gives a document without text one empty passage, for its title', () => {
    expect(splitPassages('')).toEqual([{ start: 0, end: 0 }]);
    expect(splitPassages('\n\n  \n')).toEqual([{ start: 0, end: 0 }]);
  });

  it('cuts a book-length text into passages that cover it', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Block ${i} of the long report on the convoy and its route.`).join('\n\n');
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(500);
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE);
    expectEveryWordOnce(text, passages);
  });
});
