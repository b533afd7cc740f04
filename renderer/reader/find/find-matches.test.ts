import { describe, expect, it } from 'vitest';
import { describeMatches, findMatches, firstMatchFrom, foldText, foldWithOffsets, stepMatch } from './find-matches';
import { isFindChord } from './find-chord';

const find = (text: string, query: string) => findMatches(foldWithOffsets(text), query).map(({ start, end }) => text.slice(start, end));

describe('findMatches', () => {
  it('finds a word whatever its case and accents, at its true offsets', () => {
    const text = 'Le Front de Libération de l’Azawad, puis LIBERATION.';
    const matches = findMatches(foldWithOffsets(text), 'liberation');
    expect(matches).toEqual([
      { start: text.indexOf('Libération'), end: text.indexOf('Libération') + 'Libération'.length },
      { start: text.indexOf('LIBERATION'), end: text.indexOf('LIBERATION') + 'LIBERATION'.length },
    ]);
    expect(find(text, 'LIBÉRATION')).toEqual(['Libération', 'LIBERATION']);
  });

  it('keeps offsets true after text that folds shorter or longer', () => {
    // A decomposed é (e + combining accent) folds to one letter, İ lowercases to two before folding.
    const text = 'Se\u0301gou, İstanbul, Ségou';
    expect(find(text, 'segou')).toEqual(['Se\u0301gou', 'Ségou']);
    expect(find(text, 'istanbul')).toEqual(['İstanbul']);
  });

  it('takes a trailing combining mark along with the letter it belongs to', () => {
    const text = 'cafe\u0301 noir';
    expect(find(text, 'cafe')).toEqual(['cafe\u0301']);
  });

  it('treats curly and straight apostrophes, quotes and dashes alike', () => {
    expect(find('l’Azawad and l\'Azawad', "l'azawad")).toEqual(['l’Azawad', "l'Azawad"]);
    expect(find('Al–Qaeda', 'al-qaeda')).toEqual(['Al–Qaeda']);
    expect(find('he said “sanctuary” there', '"sanctuary"')).toEqual(['“sanctuary”']);
  });

  it('finds every occurrence without overlaps', () => {
    expect(find('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(find('AQIM, aqim and AQIM’s', 'aqim')).toHaveLength(3);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(find('some text', '')).toEqual([]);
    expect(find('some text', '   ')).toEqual([]);
  });

  it('handles characters outside the Basic Multilingual Plane', () => {
    const text = '𝒜 note 𝒜 Note';
    expect(findMatches(foldWithOffsets(text), 'note')).toEqual([
      { start: 3, end: 7 },
      { start: 11, end: 15 },
    ]);
  });

  it('folds the query the same way as the text', () => {
    expect(foldText('Émir ÇA')).toBe('emir ca');
  });
});

describe('stepping through matches', () => {
  it('starts at the first match at or after an offset, wrapping to the first', () => {
    const matches = [
      { start: 5, end: 8 },
      { start: 20, end: 23 },
    ];
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 6)).toBe(1);
    expect(firstMatchFrom(matches, 30)).toBe(0);
    expect(firstMatchFrom([], 0)).toBe(-1);
  });

  it('goes round from the last to the first and back', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });

  it('says where it is, or that nothing matched', () => {
    expect(describeMatches(2, 17, 'aqim')).toBe('3 of 17');
    expect(describeMatches(-1, 0, 'zzz')).toBe('No matches');
    expect(describeMatches(-1, 0, '')).toBe('');
  });
});

describe('isFindChord', () => {
  const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('is Ctrl+F, or Cmd+F on macOS, and nothing more', () => {
    expect(isFindChord(chord('f', { ctrlKey: true }), false)).toBe(true);
    expect(isFindChord(chord('F', { metaKey: true }), true)).toBe(true);
    expect(isFindChord(chord('f', { metaKey: true }), false)).toBe(false);
    expect(isFindChord(chord('f', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isFindChord(chord('f'), false)).toBe(false);
  });
});
