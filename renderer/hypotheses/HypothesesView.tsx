import { useId, useState } from 'react';
import type { OpError } from '../../main/common/contract';
import type { DocumentSummary } from '../../main/common/records';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute, navigate } from '../route';
import { AnalysisEvidencePanel } from './AnalysisEvidencePanel';
import { AnalysisPanel } from './AnalysisPanel';
import '../styles/actors.css';
import '../styles/hypotheses.css';

/**
 * The main area at #/hypotheses: the library's analyses of competing hypotheses (Heuer, ch. 8),
 * and the one chosen (#/hypotheses/7) with its question, hypotheses, evidence and matrix, and the
 * Evidence panel beside it to bring passages in.
 */
export function HypothesesView({ analysisId, documents }: { analysisId: number | undefined; documents: DocumentSummary[] | null }) {
  const { data: analyses, error, refetch } = useOp('ach.list', {});
  return (
    <>
      <main tabIndex={0} aria-label="Hypotheses" aria-busy={!analyses && !error} className="actor-page hypotheses">
        <div className="hypotheses-column">
          <header className="actor-page-header">
            <h1>Hypotheses</h1>
            <p className="actor-page-note">
              Weigh competing hypotheses against the evidence, as in Heuer’s analysis of competing hypotheses: rate each item against each hypothesis,
              and the likeliest is the one with the least evidence against it.
            </p>
          </header>
          {error && <OpenProblem message={error.message} onRetry={refetch} />}
          <div className="hypotheses-layout">
            <section aria-label="Analyses" className="hypotheses-list">
              <h2 className="hypotheses-subheading">Analyses</h2>
              {analyses && analyses.length === 0 && <p className="actor-page-note">No analyses yet.</p>}
              {analyses && analyses.length > 0 && (
                <ul className="hypotheses-analyses">
                  {analyses.map((a) => (
                    <li key={a.id}>
                      <a href={hashForRoute({ kind: 'hypotheses', id: a.id })} aria-current={a.id === analysisId ? 'page' : undefined}>
                        {a.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <NewAnalysis />
            </section>
            {analysisId !== undefined ? (
              <AnalysisPanel key={analysisId} id={analysisId} />
            ) : (
              analyses && analyses.length > 0 && <p className="actor-page-note">Choose an analysis to open its matrix.</p>
            )}
          </div>
        </div>
      </main>
      {analysisId !== undefined && <AnalysisEvidencePanel key={analysisId} id={analysisId} documents={documents} />}
    </>
  );
}

function NewAnalysis() {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<OpError | null>(null);
  return (
    <form
      className="hypotheses-new"
      onSubmit={(event) => {
        event.preventDefault();
        void (async () => {
          const result = await api.call('ach.create', { name });
          if (!result.ok) {
            setProblem(result.error);
            return;
          }
          setProblem(null);
          setName('');
          navigate({ kind: 'hypotheses', id: result.value.id });
        })();
      }}
    >
      <label htmlFor={`${id}-name`}>New analysis</label>
      <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
      <button type="submit" className="button button-quiet">
        Create analysis
      </button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="hypotheses-problem">
          {problem.message}
        </p>
      )}
    </form>
  );
}
