import type { OpError } from '../../main/common/contract';
import type { Analysis } from '../../main/common/hypotheses';
import { changeAnalysis } from './analysis-calls';

type AnalysisShown = Pick<Analysis, 'id' | 'name' | 'evidence'>;

/** Whether a passage is already an item of the analysis (the core refuses it a second time). */
export const holdsPassage = (analysis: AnalysisShown, highlightId: number): boolean => analysis.evidence.some((item) => item.highlightId === highlightId);

/** What became of a passage brought to the analysis: a sentence for a status line, or a refusal to show as a problem. */
export type PassageOutcome = { added: boolean; status: string } | { added: false; problem: OpError };

const alreadyThere = (analysis: AnalysisShown) => `This passage is already evidence in “${analysis.name}”.`;

/**
 * Adds a passage, dropped on the matrix or sent with "Add as evidence", through the one queue of
 * writes. A passage already there is not an error to alarm anyone with: Heuer's scores add up per
 * item, so the core refuses a second copy (conflict), and that is said as plainly as an addition,
 * whether this window knew it (no write is sent) or only the library did (another window added it).
 */
export async function addPassage(analysis: AnalysisShown, highlightId: number): Promise<PassageOutcome> {
  if (holdsPassage(analysis, highlightId)) return { added: false, status: alreadyThere(analysis) };
  const problem = await changeAnalysis('ach.addEvidence', { analysisId: analysis.id, highlightId });
  if (problem?.code === 'conflict') return { added: false, status: alreadyThere(analysis) };
  if (problem) return { added: false, problem };
  return { added: true, status: `Added the passage to “${analysis.name}”.` };
}
