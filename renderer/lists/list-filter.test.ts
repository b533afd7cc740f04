import { describe, expect, it } from 'vitest';
import { filterItems, matchesFilter, filterWords } from './list-filter';

const titles = [
  'Al-Quaeda and state sanctuary in the Islamic Maghreb',
  'Réfugiés du Sahél à Tombouctou',
  'تقرير عن الساحل',
  'Field report 🚚 convoy near Gao',
];

describe('filtering a list by typing', () => {
  it('keeps every item when nothing is typed', () => {
    expect(filterItems(titles, '   ', (t) => t)).toBe(titles);
  });

  it('needs every word, in any order, ignoring case', () => {
    expect(filterItems(titles, 'maghreb AL-QUAEDA', (t) => t)).toEqual([titles[0]]);
    expect(filterItems(titles, 'maghreb gao', (t) => t)).toEqual([]);
  });

  it('ignores accents on either side', () => {
    expect(filterItems(titles, 'refugies sahel', (t) => t)).toEqual([titles[1]]);
    expect(filterItems(titles, 'Sahél', (t) => t)).toEqual([titles[1]]);
  });

  it('matches right-to-left text and emoji as they are', () => {
    expect(filterItems(titles, 'الساحل', (t) => t)).toEqual([titles[2]]);
    expect(filterItems(titles, '🚚', (t) => t)).toEqual([titles[3]]);
  });

  it('matches inside words, so part of a name is enough', () => {
    expect(matchesFilter(filterWords('ctou'), titles[1]!)).toBe(true);
  });
});
