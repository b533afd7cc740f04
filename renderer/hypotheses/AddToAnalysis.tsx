import { useId, useState } from 'react';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { hashForRoute } from '../route';
import '../styles/hypotheses.css';

const passages = (n: number) => (n === 1 ? 'the passage' : `${n.toLocaleString()} passages`);

/**
 * "Add to analysis…": puts passages into an analysis of competing hypotheses as evidence, from a
 * highlight card or the chosen highlights of All highlights, by keyboard as by mouse. A passage
 * already in the analysis is left as it is and said so.
 */
export function AddToAnalysis({ highlightIds }: { highlightIds: readonly number[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="add-to-analysis">
      <button type="button" className="button button-quiet" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
        Add to analysis…
      </button>
      {open && <AddForm id={`${id}-form`} highlightIds={highlightIds} />}
    </div>
  );
}

function AddForm({ id, highlightIds }: { id: string; highlightIds: readonly number[] }) {
  const { data: analyses } = useOp('ach.list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const analysisId = chosen ?? analyses?.[0]?.id ?? null;

  const add = async () => {
    if (analysisId === null || busy) return;
    setBusy(true);
    const name = analyses?.find((a) => a.id === analysisId)?.name ?? 'the analysis';
    let added = 0;
    const refused: string[] = [];
    for (const highlightId of highlightIds) {
      const result = await api.call('ach.addEvidence', { analysisId, highlightId });
      if (result.ok) added++;
      else refused.push(result.error.message);
    }
    setBusy(false);
    setStatus(
      added > 0
        ? `Added ${passages(added)} to “${name}”.${refused.length > 0 ? ` ${refused.length.toLocaleString()} left out: ${refused[0]}` : ''}`
        : (refused[0] ?? 'Nothing was added.'),
    );
  };

  if (analyses === undefined) return null;
  if (analyses.length === 0) {
    return (
      <p id={id} className="add-to-analysis-form">
        No analyses yet. <a href={hashForRoute({ kind: 'hypotheses' })}>Start one in Hypotheses</a>.
      </p>
    );
  }
  return (
    <form
      id={id}
      className="add-to-analysis-form"
      aria-label={`Add ${passages(highlightIds.length)} to an analysis`}
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={`${id}-analysis`}>Analysis</label>
      <select id={`${id}-analysis`} value={analysisId ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
        {analyses.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-quiet" aria-disabled={busy || undefined}>
        Add as evidence
      </button>
      <p role="status" className="add-to-analysis-status">
        {status}
      </p>
    </form>
  );
}
