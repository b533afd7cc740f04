import type { DocumentSummary } from '../../main/common/records';
import { useOp } from '../data/op-queries';
import { EvidencePanel } from '../notes/EvidencePanel';
import { AddAsEvidence } from './AddAsEvidence';

/** The Evidence panel beside an open analysis: a document's passages, to drag onto the matrix or add with the keyboard. */
export function AnalysisEvidencePanel({ id, documents }: { id: number; documents: DocumentSummary[] | null }) {
  // The same cached query as the matrix's, so an entry knows at once when its passage went in.
  const { data: analysis } = useOp('ach.get', { id });
  if (!analysis) return null;
  return (
    <EvidencePanel
      documents={documents}
      usage="Drag a passage onto the matrix, or add it as evidence."
      dragTitle="Drag onto the matrix to add it as evidence"
      action={(highlight) => <AddAsEvidence analysis={analysis} highlight={highlight} />}
    />
  );
}
