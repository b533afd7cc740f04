import { describe, expect, it } from 'vitest';
import type { ThemeNode } from '../../main/common/records';
import { codebookRows, themeAndBelow } from './codebook-rows';

let nextId = 1;
function node(name: string, children: ThemeNode[] = []): ThemeNode {
  const id = nextId++;
  return {
    id,
    uid: `uid-${id}`,
    parentId: null,
    name,
    colour: '#2f6f9f',
    description: '',
    passageCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    children: children.map((child) => ({ ...child, parentId: id })),
  };
}

describe('the codebook shown flat', () => {
  const tree = [node('Financing', [node('Ransom', [node('Hostages of 2003')]), node('Smuggling')]), node('Recruitment', [node('Ransom')])];
  const rows = codebookRows(tree);

  it('lists parents before their sub-themes, each with its depth and path', () => {
    expect(rows.map((row) => [row.path, row.depth])).toEqual([
      ['Financing', 0],
      ['Financing / Ransom', 1],
      ['Financing / Ransom / Hostages of 2003', 2],
      ['Financing / Smuggling', 1],
      ['Recruitment', 0],
      ['Recruitment / Ransom', 1],
    ]);
  });

  it('knows which themes sit under a theme, so none of them is offered as its new parent', () => {
    const financing = rows[0]!.theme.id;
    const names = [...themeAndBelow(rows, financing)].map((id) => rows.find((row) => row.theme.id === id)!.path);
    expect(names).toEqual(['Financing', 'Financing / Ransom', 'Financing / Ransom / Hostages of 2003', 'Financing / Smuggling']);
    expect(themeAndBelow(rows, rows[5]!.theme.id).size).toBe(1);
  });

  it('shows an empty codebook as no rows', () => {
    expect(codebookRows([])).toEqual([]);
  });
});
