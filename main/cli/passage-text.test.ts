import { describe, expect, it } from 'vitest';
import { passageText } from './passage-text';

describe('a passage in a listing', () => {
  it('is its words in quotes, or an area by the page number show --page takes', () => {
    expect(passageText({ exact: 'helped by AQMI', area: null })).toBe('“helped by AQMI”');
    expect(passageText({ exact: 'helped by AQMI' })).toBe('“helped by AQMI”');
    expect(passageText({ exact: '', area: { page: 12, x: 0.1, y: 0.1, width: 0.5, height: 0.2 } })).toBe('[area on p. 12]');
  });
});
