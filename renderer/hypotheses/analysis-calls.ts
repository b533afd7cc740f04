import type { OpError, OpInput, OpName, OpOutputs, OpResult } from '../../main/common/contract';
import type { Analysis } from '../../main/common/hypotheses';
import { api } from '../api/client';
import { opKey, queryClient } from '../data/op-queries';

type AnalysisOp = { [N in OpName]: OpOutputs[N] extends Analysis ? N : never }[OpName];

/**
 * Calls a write that answers with the whole analysis, and shows that answer at once (the change
 * feed refreshes the rest, and other windows). Returns the refusal, if any, for the form to show.
 */
export async function changeAnalysis<N extends AnalysisOp>(name: N, input: OpInput<N>): Promise<OpError | null> {
  const result = (await api.call(name, input)) as OpResult<Analysis>;
  if (!result.ok) return result.error;
  queryClient.setQueryData(opKey('ach.get', { id: result.value.id }), result.value);
  return null;
}
