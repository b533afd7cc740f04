import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../../main/common/hypotheses';

const calls: Array<{ name: string; input: unknown }> = [];
let answer: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
vi.mock('../api/client', () => ({
  api: {
    call: (name: string, input: unknown) => {
      calls.push({ name, input });
      return Promise.resolve(answer);
    },
  },
}));

const { addPassage, holdsPassage } = await import('./add-passage');

const item = (highlightId: number | null) => ({ id: highlightId ?? 99, kind: highlightId === null ? 'note' : 'highlight', text: 'x', highlightId }) as Analysis['evidence'][number];
const analysis = { id: 7, name: 'Who gains', evidence: [item(3), item(null)] };

beforeEach(() => {
  calls.length = 0;
});

describe('bringing a passage into an analysis', () => {
  it('knows the passages already there, and not a typed item as one', () => {
    expect(holdsPassage(analysis, 3)).toBe(true);
    expect(holdsPassage(analysis, 4)).toBe(false);
    expect(holdsPassage(analysis, 99)).toBe(false);
  });

  it('adds a new passage and says where it went', async () => {
    answer = { ok: true, value: { id: 7 } };
    expect(await addPassage(analysis, 4)).toEqual({ added: true, status: 'Added the passage to “Who gains”.' });
    expect(calls).toEqual([{ name: 'ach.addEvidence', input: { analysisId: 7, highlightId: 4 } }]);
  });

  it('sends nothing for a passage it already shows, and says it is there', async () => {
    expect(await addPassage(analysis, 3)).toEqual({ added: false, status: 'This passage is already evidence in “Who gains”.' });
    expect(calls).toEqual([]);
  });

  it('takes the library’s refusal of a second copy as the same news, not a problem', async () => {
    answer = { ok: false, error: { code: 'conflict', message: 'This passage is already evidence in “Who gains”.' } };
    expect(await addPassage(analysis, 5)).toEqual({ added: false, status: 'This passage is already evidence in “Who gains”.' });
  });

  it('hands any other refusal back to be shown', async () => {
    answer = { ok: false, error: { code: 'not_found', message: 'There is no highlight with id 6.' } };
    expect(await addPassage(analysis, 6)).toEqual({ added: false, problem: answer.error });
  });
});
