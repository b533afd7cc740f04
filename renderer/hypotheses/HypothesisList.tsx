import { useId, useState } from 'react';
import type { OpError } from '../../main/common/contract';
import type { AchHypothesis, Analysis } from '../../main/common/hypotheses';
import { changeAnalysis } from './analysis-calls';

/** The hypotheses, H1, H2…, each reworded in place (saved on Enter or on leaving the field) or removed with its column. */
export function HypothesisList({ analysis, onProblem }: { analysis: Analysis; onProblem(problem: OpError | null): void }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <section aria-labelledby={`${id}-heading`} className="hypotheses-hypotheses">
      <h3 id={`${id}-heading`}>Hypotheses</h3>
      {analysis.hypotheses.length > 0 && (
        <ol className="hypotheses-hypothesis-list">
          {analysis.hypotheses.map((h, index) => (
            <HypothesisItem key={`${h.id}:${h.text}`} hypothesis={h} label={`H${index + 1}`} onProblem={onProblem} />
          ))}
        </ol>
      )}
      <form
        className="hypotheses-add"
        onSubmit={(event) => {
          event.preventDefault();
          void changeAnalysis('ach.addHypothesis', { analysisId: analysis.id, text }).then((problem) => {
            onProblem(problem);
            if (!problem) setText('');
          });
        }}
      >
        <label htmlFor={`${id}-new`}>New hypothesis</label>
        <input id={`${id}-new`} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button button-quiet">
          Add hypothesis
        </button>
      </form>
    </section>
  );
}

function HypothesisItem({ hypothesis, label, onProblem }: { hypothesis: AchHypothesis; label: string; onProblem(problem: OpError | null): void }) {
  const [text, setText] = useState(hypothesis.text);
  const save = () => {
    if (text.trim() === hypothesis.text) return;
    void changeAnalysis('ach.updateHypothesis', { id: hypothesis.id, text }).then(onProblem);
  };
  return (
    <li>
      <span className="hypotheses-label" aria-hidden="true">
        {label}
      </span>
      <input
        aria-label={`Hypothesis ${label}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
      <button type="button" className="button button-quiet" onClick={() => void changeAnalysis('ach.removeHypothesis', { id: hypothesis.id }).then(onProblem)}>
        Remove<span className="visually-hidden"> hypothesis {label}</span>
      </button>
    </li>
  );
}
