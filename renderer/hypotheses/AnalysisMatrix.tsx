import { useRef, useState, type ReactNode } from 'react';
import type { OpError } from '../../main/common/contract';
import { ACH_RATING_WORDING, ACH_RATINGS, EVIDENCE_WEIGHTS, type AchEvidence, type AchRating, type Analysis } from '../../main/common/hypotheses';
import { GradeBadge } from '../grades/GradeBadge';
import { hashForRoute } from '../route';
import { changeAnalysis } from './analysis-calls';

const number = (n: number) => (Math.round(n * 100) / 100).toLocaleString();
const NOT_RATED = '';

/**
 * The matrix: an item of evidence per row, a hypothesis per column, each cell a labelled select
 * of Heuer's ratings (reached with Tab, changed with the arrow keys or by typing the code). The
 * scores stand under their hypotheses in the table's foot, each row of them with its header.
 */
export function AnalysisMatrix({ analysis, onProblem }: { analysis: Analysis; onProblem(problem: OpError | null): void }) {
  if (analysis.hypotheses.length === 0 || analysis.evidence.length === 0) {
    return (
      <p className="actor-page-note">
        {analysis.hypotheses.length === 0 ? 'Add hypotheses' : 'Add evidence'} to fill the matrix: every item is rated against every hypothesis.
      </p>
    );
  }
  const rating = new Map(analysis.ratings.map((r) => [`${r.evidenceId}:${r.hypothesisId}`, r.rating]));
  const score = new Map(analysis.scores.map((s) => [s.hypothesisId, s]));
  const label = (index: number) => `H${index + 1}`;
  const likeliest = analysis.hypotheses.filter((h) => score.get(h.id)?.rank === 1);
  const rate = (evidenceId: number, hypothesisId: number, value: string) =>
    changeAnalysis('ach.rate', { evidenceId, hypothesisId, rating: value === NOT_RATED ? null : (value as AchRating) }).then(onProblem);

  return (
    <section aria-label="Matrix" className="hypotheses-matrix">
      <p role="status" className="hypotheses-likeliest">
        Least inconsistent:{' '}
        {likeliest.map((h) => `${label(analysis.hypotheses.indexOf(h))} (${h.text})`).join(', ')}
        {analysis.weighByGrade ? ', weighing evidence by source grade' : ''}.
      </p>
      <div className="co-occurrence-scroller" tabIndex={0} role="region" aria-label="Matrix of evidence against hypotheses">
        <table className="hypotheses-table">
          <caption className="visually-hidden">Each item of evidence rated against each hypothesis, with the scores below</caption>
          <thead>
            <tr>
              <th scope="col">Evidence</th>
              <th scope="col">Weight</th>
              {analysis.hypotheses.map((h, index) => (
                <th key={h.id} scope="col" className="hypotheses-column-head">
                  {label(index)}: {h.text}
                </th>
              ))}
              <th scope="col">Diagnostic</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {analysis.evidence.map((item, row) => {
              const e = `E${row + 1}`;
              return (
                <tr key={item.id} className={item.diagnostic ? undefined : 'hypotheses-not-diagnostic'}>
                  <th scope="row" className="hypotheses-evidence">
                    <EvidenceHeading item={item} label={e} />
                  </th>
                  <td>
                    <SavingSelect
                      label={`Weight of ${e}`}
                      value={String(item.weight)}
                      onSave={(value) => changeAnalysis('ach.updateEvidence', { id: item.id, weight: Number(value) }).then(onProblem)}
                    >
                      {weightChoices(item.weight).map((choice) => (
                        <option key={choice.weight} value={String(choice.weight)}>
                          {choice.label}
                        </option>
                      ))}
                    </SavingSelect>
                    {analysis.weighByGrade && <span className="hypotheses-weight-used">used: {number(item.effectiveWeight)}</span>}
                  </td>
                  {analysis.hypotheses.map((h, column) => {
                    const value = rating.get(`${item.id}:${h.id}`) ?? NOT_RATED;
                    return (
                      <td key={h.id} className="hypotheses-cell" data-rating={value || undefined}>
                        <SavingSelect label={`Rating of ${e} against ${label(column)}`} value={value} onSave={(chosen) => rate(item.id, h.id, chosen)}>
                          <option value={NOT_RATED}>– not rated</option>
                          {ACH_RATINGS.map((code) => (
                            <option key={code} value={code}>
                              {code} – {ACH_RATING_WORDING[code].toLowerCase()}
                            </option>
                          ))}
                        </SavingSelect>
                      </td>
                    );
                  })}
                  <td>{item.diagnostic ? 'Yes' : 'No'}</td>
                  <td>
                    <button type="button" className="button button-quiet" onClick={() => void changeAnalysis('ach.removeEvidence', { id: item.id }).then(onProblem)}>
                      Remove<span className="visually-hidden"> evidence {e}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <ScoreRow analysis={analysis} title="Weighted inconsistency" value={(id) => number(score.get(id)?.weightedInconsistency ?? 0)} />
            <ScoreRow analysis={analysis} title="Inconsistencies" value={(id) => String(score.get(id)?.inconsistency ?? 0)} />
            <ScoreRow analysis={analysis} title="Weighted consistency" value={(id) => number(score.get(id)?.weightedConsistency ?? 0)} />
            <ScoreRow analysis={analysis} title="Rank" value={(id) => String(score.get(id)?.rank ?? '')} />
          </tfoot>
        </table>
      </div>
      <p className="actor-page-note">
        Heuer counts inconsistencies, not consistencies: I adds 1 and II adds 2, times the item’s weight; C, CC, N and NA add nothing. An item rated the
        same against every hypothesis is not diagnostic. With grade weighing on, reliability A–F counts 1, 0.8, 0.6, 0.4, 0.2 and 0.5 (cannot be
        judged), credibility 1–6 the same, multiplied; what is not graded counts as cannot be judged.
      </p>
    </section>
  );
}

/**
 * A select that saves each choice and shows it at once. Stepping through with the arrow keys sends
 * a save per step; until the last of them is answered, the stored value (an earlier step's answer)
 * must not pull the select back under the person's keys.
 */
function SavingSelect({ label, value, onSave, children }: { label: string; value: string; onSave(value: string): Promise<unknown>; children: ReactNode }) {
  const [shown, setShown] = useState<string | null>(null);
  const latest = useRef(0);
  return (
    <select
      aria-label={label}
      value={shown ?? value}
      onChange={(event) => {
        const chosen = event.target.value;
        const ticket = ++latest.current;
        setShown(chosen);
        void onSave(chosen).then(() => {
          if (latest.current === ticket) setShown(null);
        });
      }}
    >
      {children}
    </select>
  );
}

function ScoreRow({ analysis, title, value }: { analysis: Analysis; title: string; value(hypothesisId: number): string }) {
  return (
    <tr>
      <th scope="row" colSpan={2}>
        {title}
      </th>
      {analysis.hypotheses.map((h) => (
        <td key={h.id} className="hypotheses-score">
          {value(h.id)}
        </td>
      ))}
    </tr>
  );
}

function EvidenceHeading({ item, label }: { item: AchEvidence; label: string }) {
  const words = item.text.length > 240 ? `${item.text.slice(0, 239)}…` : item.text;
  return (
    <>
      <span className="hypotheses-evidence-label">{label}</span>{' '}
      {item.kind === 'note' ? <span>{words}</span> : <q>{words}</q>}
      {item.kind === 'highlight' && (
        <span className="hypotheses-source">
          {item.highlightDeleted || item.highlightId === null || item.documentId === null ? (
            <> {item.documentTitle ?? 'Passage'} (passage deleted; its quote is kept)</>
          ) : (
            <>
              {' '}
              <a href={hashForRoute({ kind: 'document', id: item.documentId, highlightId: item.highlightId })}>{item.documentTitle}</a>
            </>
          )}{' '}
          {item.grade && <GradeBadge reliability={item.grade.reliability} credibility={item.grade.credibility} fromDocument={item.grade.credibilityFromDocument} />}
        </span>
      )}
    </>
  );
}

/** The usual three, and the item's own weight when it was set to another (from the command line or an older version). */
function weightChoices(weight: number): Array<{ weight: number; label: string }> {
  const usual = EVIDENCE_WEIGHTS.map((w) => ({ weight: w.weight, label: `${w.label} (${w.weight})` }));
  return usual.some((w) => w.weight === weight) ? usual : [...usual, { weight, label: String(weight) }];
}
