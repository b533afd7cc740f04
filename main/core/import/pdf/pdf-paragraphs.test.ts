import { describe, expect, it } from 'vitest';
import type { PdfLine } from './page-lines';
import { pdfParagraphs } from './pdf-paragraphs';

/** Lines set 12 units apart in a 10-unit font, from the top of a column at x = 50. */
const column = (texts: string[], { x = 50, top = 700, size = 10 } = {}): PdfLine[] =>
  texts.map((text, index) => ({ text, x, y: top - index * 12, size }));

describe('pdfParagraphs', () => {
  it('joins a word hyphenated at a line end', () => {
    expect(pdfParagraphs([column(['an exam-', 'ple of it'])])).toEqual([['an example of it']]);
  });

  it('keeps the hyphen of a compound the document writes whole elsewhere', () => {
    const lines = column(['a state-', 'sponsored group, which is state-sponsored', 'and a so-', 'called fact']);
    expect(pdfParagraphs([lines])).toEqual([['a state-sponsored group, which is state-sponsored and a socalled fact']]);
  });

  it('keeps the hyphen before a capital and drops a soft hyphen', () => {
    expect(pdfParagraphs([column(['Just-in-', 'Time and hyphen\u00AD', 'ation'])])).toEqual([['Just-in-Time and hyphenation']]);
  });

  it('joins Japanese lines without a space', () => {
    expect(pdfParagraphs([column(['接続を行うことがで', 'きる速結端子'])])).toEqual([['接続を行うことができる速結端子']]);
  });

  it('starts a paragraph at a heading, a gap and an indented first line', () => {
    const lines: PdfLine[] = [
      { text: 'Title', x: 50, y: 760, size: 18 },
      ...column(['First paragraph ends.', 'Second starts here', 'and goes on.']).map((line, i) => (i === 1 ? { ...line, x: 62 } : line)),
      { text: 'After a gap.', x: 50, y: 600, size: 10 },
    ];
    expect(pdfParagraphs([lines])).toEqual([['Title', 'First paragraph ends.', 'Second starts here and goes on.', 'After a gap.']]);
  });

  it('runs a sentence on into the next column, and breaks there after one that ended', () => {
    const left = column(['The first column ends in the', 'middle of a sentence']);
    const right = column(['that goes on here.', 'New thought.'], { x: 300, top: 700 }).map((line, i) => (i === 1 ? { ...line, y: 600 } : line));
    expect(pdfParagraphs([[...left, ...right]])).toEqual([['The first column ends in the middle of a sentence that goes on here.', 'New thought.']]);
    const ended = [...column(['The first column ends.']), ...column(['Second column.'], { x: 300, top: 740 })];
    expect(pdfParagraphs([ended])).toEqual([['The first column ends.', 'Second column.']]);
  });

  it('folds ligatures before joining', () => {
    expect(pdfParagraphs([column(['eﬃ-', 'cient'])])).toEqual([['efficient']]);
  });
});
