import { describe, expect, it } from 'vitest';
import { sentenceAround } from './mention-sentence';

const around = (text: string, words: string) => {
  const start = text.indexOf(words);
  return sentenceAround(text, start, start + words.length);
};

describe('the sentence a mention is in', () => {
  it('runs from the end of the sentence before to the end of its own, the spaces kept so the parts join', () => {
    const text = 'The region was calm. Then AQIM moved south, and the towns fell! Nobody expected it.';
    expect(around(text, 'AQIM')).toEqual({ before: 'Then ', match: 'AQIM', after: ' moved south, and the towns fell!' });
  });

  it('stops at a line break, and reads whitespace runs as one space', () => {
    const text = 'Heading\nAQMI   and its\tallies\nNext paragraph.';
    expect(around(text, 'AQMI')).toEqual({ before: '', match: 'AQMI', after: ' and its allies' });
  });

  it('takes a closing quote with the full stop before it', () => {
    const text = '“We left.” AQIM said so.';
    expect(around(text, 'AQIM')).toEqual({ before: '', match: 'AQIM', after: ' said so.' });
  });

  it('cuts a very long sentence at a space, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const { before, after } = around(`${long}AQIM ${long}end.`, 'AQIM');
    expect(before.startsWith('…word')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(201);
    expect(after.endsWith('word…')).toBe(true);
  });

  it('reads a decimal point as part of the sentence, not its end', () => {
    expect(around('It grew 2.5 times after AQIM came.', 'AQIM').before).toBe('It grew 2.5 times after ');
  });
});
