import { describe, expect, it, vi } from 'vitest';

/** Each call waits until the test answers it, so answers can come back in any order. */
const pending: Array<{ input: { rating: string }; answer(): void }> = [];
vi.mock('../api/client', () => ({
  api: {
    call: (_name: string, input: { rating: string }) =>
      new Promise((resolve) => {
        pending.push({ input, answer: () => resolve({ ok: true, value: { id: 7, rating: input.rating } }) });
      }),
  },
}));

const { changeAnalysis } = await import('./analysis-calls');
const { opKey, queryClient } = await import('../data/op-queries');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('arrowing through a rating', () => {
  it('sends each step only once the one before is answered, so the library and the matrix end on the last step', async () => {
    const steps = ['CC', 'C', 'N'].map((rating) => changeAnalysis('ach.rate', { evidenceId: 1, hypothesisId: 2, rating: rating as 'CC' }));
    await flush();
    expect(pending.map((call) => call.input.rating)).toEqual(['CC']);

    pending[0]!.answer();
    await steps[0];
    await flush();
    expect(pending.map((call) => call.input.rating)).toEqual(['CC', 'C']);

    pending[1]!.answer();
    await flush();
    pending[2]!.answer();
    await Promise.all(steps);
    expect(queryClient.getQueryData(opKey('ach.get', { id: 7 }))).toEqual({ id: 7, rating: 'N' });
  });
});
