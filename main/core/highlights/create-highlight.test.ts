import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

/** A document whose text has characters outside the BMP, each two UTF-16 code units. */
function emojiDocument() {
  const [outcome] = t.call('documents.import', {
    files: [{ name: 'emoji.txt', base64: Buffer.from('Rain 🌧 in Gao, then 😀 sun over the long road to 𝔐opti and the river, far and wide.').toString('base64') }],
  });
  if (outcome?.status !== 'imported') throw new Error('not imported');
  return t.call('documents.get', { id: outcome.document.id });
}

describe('a highlight never splits a character', () => {
  it('refuses offsets between the two halves of a character, with a clear message', () => {
    const doc = emojiDocument();
    const face = doc.text.indexOf('😀');
    for (const [start, end] of [[face + 1, face + 6], [face - 5, face + 1]]) {
      const error = t.errorOf('highlights.create', { documentId: doc.id, start, end, colour: 'yellow' });
      expect(error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/inside the character “😀”/) });
    }
    expect(t.call('highlights.list', { documentId: doc.id })).toEqual([]);
  });

  it('stores as its quote, prefix and suffix exactly the text at and around its offsets', () => {
    const doc = emojiDocument();
    const face = doc.text.indexOf('😀');
    const h = t.call('highlights.create', { documentId: doc.id, start: face, end: face + 6, colour: 'yellow' });
    expect(h.exact).toBe('😀 sun');
    expect(h.exact).toBe(doc.text.slice(h.start, h.end));
    // The context is cut 32 code units away; these two fall inside 🌧 and inside 𝔐, so it stops short of them.
    const cutsRain = doc.text.indexOf('🌧') + 1 + 32;
    const cutsMopti = doc.text.indexOf('𝔐') + 1 - 32;
    for (const [start, end] of [[cutsRain, cutsRain + 3], [cutsMopti - 3, cutsMopti]] as const) {
      expect(doc.text.slice(start, end).trim()).not.toBe('');
      const at = t.call('highlights.create', { documentId: doc.id, start, end, colour: 'red' });
      expect(at.prefix + at.exact + at.suffix).not.toContain('\ufffd');
      expect(doc.text.slice(0, at.start).endsWith(at.prefix)).toBe(true);
      expect(doc.text.slice(at.end).startsWith(at.suffix)).toBe(true);
    }
  });
});
