import { useState } from 'react';
import { CREDIBILITY_WORDING, type Credibility } from '../../main/common/admiralty';
import type { Highlight } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { showChangedHighlight } from '../highlights/use-highlights';
import { CredibilitySelect } from './GradeSelect';

/** A passage's own credibility, 1 to 6, or its document's (the first choice says which that is). */
export function PassageCredibility({ highlight }: { highlight: Highlight }) {
  const [error, setError] = useState<OpError | null>(null);
  const own = highlight.credibility ?? null;
  // Without its own, the credibility shown is its document's; with one, the document's is not in the record.
  const documents = own === null ? (highlight.grade?.credibility ?? null) : null;
  const inherited = documents === null ? 'As its document (not graded)' : `As its document (${documents}: ${CREDIBILITY_WORDING[documents].label})`;

  const change = async (credibility: Credibility | null) => {
    setError(null);
    const result = await api.call('highlights.grade', { id: highlight.id, credibility });
    if (!result.ok) setError(result.error);
    else showChangedHighlight(result.value);
  };

  return (
    <div className="passage-credibility">
      <CredibilitySelect value={own} onChange={(value) => void change(value)} label="Credibility" noneLabel={own === null ? inherited : 'As its document'} />
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
