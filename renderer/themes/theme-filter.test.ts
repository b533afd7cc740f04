import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../main/common/records';
import { codebookRows } from './codebook-rows';
import { codedThemes, filterByTheme } from './theme-filter';

const theme = (id: number, name: string, parentId: number | null = null) => ({
  id,
  uid: `t${id}`,
  parentId,
  name,
  colour: '#2f6f9f',
  description: '',
  passageCount: 0,
  createdAt: '',
  updatedAt: '',
});
const rows = codebookRows([{ ...theme(1, 'Financing'), children: [{ ...theme(2, 'Ransom', 1), children: [] }] }, { ...theme(3, 'Recruitment'), children: [] }]);
const highlight = (id: number, themeIds: number[]) => ({ id, themeIds }) as unknown as Highlight;
const highlights = [highlight(1, [2]), highlight(2, [2, 3]), highlight(3, [])];

describe('narrowing a document’s highlights by theme', () => {
  it('offers only the themes coded here, in codebook order, with their counts', () => {
    expect(codedThemes(highlights, rows).map(({ row, count }) => [row.path, count])).toEqual([
      ['Financing / Ransom', 2],
      ['Recruitment', 1],
    ]);
  });

  it('keeps the passages of the chosen theme, and all of them once no passage carries it', () => {
    expect(filterByTheme(highlights, 3).map((h) => h.id)).toEqual([2]);
    expect(filterByTheme(highlights, 1).map((h) => h.id)).toEqual([1, 2, 3]);
    expect(filterByTheme(highlights, null)).toBe(highlights);
  });
});
