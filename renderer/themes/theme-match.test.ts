import { describe, expect, it } from 'vitest';
import type { CodebookRow } from './codebook-rows';
import { isTopLevelName, matchThemes } from './theme-match';

const row = (id: number, path: string): CodebookRow => {
  const names = path.split(' / ');
  return {
    depth: names.length - 1,
    path,
    theme: { id, uid: `u${id}`, parentId: null, name: names.at(-1)!, colour: '#2f6f9f', description: '', passageCount: 0, createdAt: '', updatedAt: '' },
  };
};

const rows = [row(1, 'Financing'), row(2, 'Financing / Ransom'), row(3, 'Financing / Smuggling routes'), row(4, 'État complicity'), row(5, 'Recruitment')];

describe('finding a theme by what is typed', () => {
  it('puts names that start with the words first, then later words, then paths, keeping codebook order', () => {
    expect(matchThemes(rows, 'r').map((r) => r.path)).toEqual(['Financing / Ransom', 'Recruitment', 'Financing / Smuggling routes']);
    expect(matchThemes(rows, 'fin ran').map((r) => r.path)).toEqual(['Financing / Ransom']);
  });

  it('ignores case and accents, and lists the whole codebook for an empty query', () => {
    expect(matchThemes(rows, 'etat').map((r) => r.theme.id)).toEqual([4]);
    expect(matchThemes(rows, '  ')).toHaveLength(5);
  });

  it('knows a name already at the top of the codebook, so it is not created twice', () => {
    expect(isTopLevelName(rows, 'financing')).toBe(true);
    expect(isTopLevelName(rows, 'ransom')).toBe(false);
  });
});
