import { describe, expect, it } from 'vitest';
import { cfiAssertion, chapterCfi } from './epub-cfi';

describe('EPUB CFI', () => {
  it('escapes in an id what a CFI gives a meaning to', () => {
    expect(cfiAssertion('chap01')).toBe('chap01');
    expect(cfiAssertion('a[b](c),d;e=f^g')).toBe('a^[b^]^(c^)^,d^;e^=f^^g');
  });

  it('names a chapter’s body past the step into its document', () => {
    expect(chapterCfi('/6/4[chap01ref]')).toBe('epubcfi(/6/4[chap01ref]!/4)');
  });
});
