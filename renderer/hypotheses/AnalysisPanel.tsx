import { useEffect, useId, useRef, useState } from 'react';
import type { OpError } from '../../main/common/contract';
import type { Analysis } from '../../main/common/hypotheses';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { ExportMenu } from '../export/ExportMenu';
import { OpenProblem } from '../reader/OpenProblem';
import { navigate } from '../route';
import { AnalysisMatrix } from './AnalysisMatrix';
import { changeAnalysis } from './analysis-calls';
import { EvidenceDropZone } from './EvidenceDropZone';
import { HypothesisList } from './HypothesisList';

/** One analysis: its details, its hypotheses, a way to type evidence in, and the matrix with its scores. */
export function AnalysisPanel({ id }: { id: number }) {
  const { data: analysis, error, refetch } = useOp('ach.get', { id });
  const [problem, setProblem] = useState<OpError | null>(null);
  if (error) return <OpenProblem message={error.code === 'not_found' ? 'This analysis was deleted.' : error.message} onRetry={refetch} />;
  if (!analysis) return null;
  const report = (refusal: OpError | null) => setProblem(refusal);
  return (
    <section aria-labelledby={`analysis-${id}-name`} className="hypotheses-analysis">
      <h2 id={`analysis-${id}-name`}>{analysis.name}</h2>
      {analysis.question && <p className="hypotheses-question">{analysis.question}</p>}
      <Details analysis={analysis} onProblem={report} />
      {problem && (
        <p role="alert" className="hypotheses-problem">
          {problem.message}
        </p>
      )}
      <HypothesisList analysis={analysis} onProblem={report} />
      <EvidenceDropZone analysis={analysis} onProblem={report}>
        <TypedEvidence analysis={analysis} onProblem={report} />
        <AnalysisMatrix analysis={analysis} onProblem={report} />
      </EvidenceDropZone>
    </section>
  );
}

function Details({ analysis, onProblem }: { analysis: Analysis; onProblem(problem: OpError | null): void }) {
  const id = useId();
  const [name, setName] = useState(analysis.name);
  const [question, setQuestion] = useState(analysis.question);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Shown ticked or not at once, as a checkbox should be; the stored choice takes over when saved.
  const [weighShown, setWeighShown] = useState<boolean | null>(null);
  const remove = async () => {
    const result = await api.call('ach.delete', { id: analysis.id });
    if (!result.ok) onProblem(result.error);
    else navigate({ kind: 'hypotheses' });
  };
  const editButton = useRef<HTMLButtonElement>(null);
  const startEditing = () => {
    // What another window may have changed meanwhile is what the form starts from.
    setName(analysis.name);
    setQuestion(analysis.question);
    setEditing(true);
  };
  const stopEditing = () => setEditing(false);
  // The form leaves; focus goes back to what opened it rather than to the page. After the commit
  // that brings the button back, not at a guess of when that will be (a save answers later).
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <div className="hypotheses-details">
      {/* Folded until asked for: the name and question are read above, and the matrix stays in sight. */}
      {editing && (
        <form
          aria-label="Analysis details"
          className="hypotheses-details-form"
          onKeyDown={(event) => {
            if (event.key === 'Escape') stopEditing();
          }}
          onSubmit={(event) => {
            event.preventDefault();
            void changeAnalysis('ach.update', { id: analysis.id, name, question }).then((problem) => {
              onProblem(problem);
              if (!problem) stopEditing();
            });
          }}
        >
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} autoFocus value={name} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={`${id}-question`}>Question</label>
          <textarea id={`${id}-question`} rows={2} value={question} onChange={(event) => setQuestion(event.target.value)} />
          <button type="submit" className="button button-quiet">
            Save name and question
          </button>
          <button type="button" className="button button-quiet" onClick={stopEditing}>
            Cancel
          </button>
        </form>
      )}
      <div className="hypotheses-actions">
        {!editing && (
          <button ref={editButton} type="button" className="button button-quiet" onClick={startEditing}>
            Edit name and question
          </button>
        )}
        <ExportMenu
          label="Export analysis"
          choices={[
            { label: 'Matrix and scores as CSV', run: () => api.call('export.ach', { id: analysis.id, format: 'csv' }) },
            { label: 'Report as Markdown', run: () => api.call('export.ach', { id: analysis.id, format: 'markdown' }) },
          ]}
        />
        {confirming ? (
          <span role="group" aria-label={`Delete “${analysis.name}”?`} className="hypotheses-confirm">
            <span>Delete “{analysis.name}” with its matrix? The passages stay in their documents.</span>
            <button type="button" className="button button-quiet" onClick={() => void remove()}>
              Delete analysis
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
            Delete analysis…
          </button>
        )}
        <label className="hypotheses-weigh">
          <input
            type="checkbox"
            checked={weighShown ?? analysis.weighByGrade}
            onChange={(event) => {
              const weigh = event.target.checked;
              setWeighShown(weigh);
              void changeAnalysis('ach.update', { id: analysis.id, weighByGrade: weigh }).then((problem) => {
                setWeighShown(null);
                onProblem(problem);
              });
            }}
          />
          Weigh evidence by its source grade (Admiralty code)
        </label>
      </div>
    </div>
  );
}

function TypedEvidence({ analysis, onProblem }: { analysis: Analysis; onProblem(problem: OpError | null): void }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form
      className="hypotheses-add"
      onSubmit={(event) => {
        event.preventDefault();
        void changeAnalysis('ach.addEvidence', { analysisId: analysis.id, text }).then((problem) => {
          onProblem(problem);
          if (!problem) setText('');
        });
      }}
    >
      <label htmlFor={`${id}-text`}>New typed evidence</label>
      <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button button-quiet">
        Add evidence
      </button>
      <p className="actor-page-note hypotheses-hint">Passages come in from the Evidence panel (dragged here, or “Add as evidence”), or from a highlight card or All highlights with “Add to analysis…”.</p>
    </form>
  );
}
