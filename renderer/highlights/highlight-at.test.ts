import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../main/common/records';
import { highlightAt } from './use-highlight-clicks';

const highlight = (id: number, start: number, end: number, status: Highlight['status'] = 'exact'): Highlight => ({
  id,
  uid: `h${id}`,
  documentId: 1,
  start,
  end,
  exact: '',
  prefix: '',
  suffix: '',
  status,
  colour: 'yellow',
  comment: '',
  actorIds: [],
  themeIds: [],
  createdAt: '',
  updatedAt: '',
});

describe('which highlight a click is on', () => {
  const outer = highlight(1, 10, 60);
  const inner = highlight(2, 20, 30);
  const orphan = highlight(3, 0, 100, 'orphaned');

  it('takes the shortest passage covering the point, never an orphan', () => {
    expect(highlightAt([outer, inner, orphan], 25)?.id).toBe(2);
    expect(highlightAt([outer, inner, orphan], 40)?.id).toBe(1);
    expect(highlightAt([outer, inner, orphan], 5)).toBeNull();
  });

  it('counts a click on the right half of a passage’s last character', () => {
    expect(highlightAt([inner], 30)?.id).toBe(2);
    expect(highlightAt([inner], 31)).toBeNull();
  });
});
