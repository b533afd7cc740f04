import type { OpError, OpInput, OpName, OpOutputs, OpResult } from '../../main/common/contract';
import type { Analysis } from '../../main/common/hypotheses';
import { api } from '../api/client';
import { opKey, queryClient } from '../data/op-queries';

type AnalysisOp = { [N in OpName]: OpOutputs[N] extends Analysis ? N : never }[OpName];

/**
 * Writes leave one at a time. Arrowing through a rating sends a write per step, and two requests in
 * flight together may be served in either order: the library could keep the step the user passed
 * over, and an older answer could overwrite a newer one on screen.
 */
let previousWrite: Promise<unknown> = Promise.resolve();

/**
 * Calls a write that answers with the whole analysis, and shows that answer at once (the change
 * feed refreshes the rest, and other windows). Returns the refusal, if any, for the form to show.
 */
export function changeAnalysis<N extends AnalysisOp>(name: N, input: OpInput<N>): Promise<OpError | null> {
  const write = previousWrite.then(() => send(name, input));
  previousWrite = write.catch(() => {});
  return write;
}

async function send<N extends AnalysisOp>(name: N, input: OpInput<N>): Promise<OpError | null> {
  const result = (await api.call(name, input)) as OpResult<Analysis>;
  if (!result.ok) return result.error;
  const key = opKey('ach.get', { id: result.value.id });
  // A refresh asked for before this write could land after it, and show the matrix as it was.
  await queryClient.cancelQueries({ queryKey: key, exact: true });
  queryClient.setQueryData(key, result.value);
  return null;
}
