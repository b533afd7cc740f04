import type { ReactNode } from 'react';
import type { ActorPassage } from '../../main/common/records';
import { consecutiveGroups } from '../lists/consecutive-groups';
import { hashForRoute } from '../route';
import { passageTitle } from './quote-text';

interface Props {
  passages: readonly ActorPassage[];
  /** How many there are in all; the core sends a bounded number of them. */
  total: number;
  /** What to say when there are none: how to make one. */
  empty: ReactNode;
  /** Drawn under each passage (its other tags, say). */
  below?(passage: ActorPassage): ReactNode;
}

/** The passages of an actor's or a theme's page: each quote opens the document at it. */
export function PassageGroups({ passages, total, empty, below }: Props) {
  return (
    <>
      {total === 0 && <p className="actor-page-note">{empty}</p>}
      {passages.length < total && <p className="actor-page-note">Showing the first {passages.length} of {total} passages.</p>}
      {consecutiveGroups(passages, (passage) => passage.highlight.documentId).map((group) => (
        <div key={group.key} className="actor-passage-group">
          <h3 className="actor-passage-document">{group.first.documentTitle}</h3>
          <ol className="actor-passages">
            {group.items.map((passage) => {
              const { highlight } = passage;
              return (
                <li key={highlight.id} className="actor-passage" data-colour={highlight.colour}>
                  <a
                    className="actor-passage-quote"
                    href={
                      highlight.status === 'orphaned'
                        ? hashForRoute({ kind: 'document', id: highlight.documentId })
                        : hashForRoute({ kind: 'document', id: highlight.documentId, highlightId: highlight.id })
                    }
                  >
                    {passageTitle(highlight, 320)}
                  </a>
                  {highlight.exact.length < SHORT_QUOTE && <PassageContext highlight={highlight} />}
                  {highlight.comment && <p className="actor-passage-comment">{highlight.comment}</p>}
                  {highlight.status === 'orphaned' && <p className="actor-page-note">Not found in the current version of the document.</p>}
                  {below?.(passage)}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </>
  );
}

/** A name alone ("AQIM") says little; a short passage is shown in the words around it. */
const SHORT_QUOTE = 60;

function PassageContext({ highlight }: { highlight: ActorPassage['highlight'] }) {
  const before = highlight.prefix.replace(/\s+/g, ' ').trimStart();
  const after = highlight.suffix.replace(/\s+/g, ' ').trimEnd();
  return (
    <p className="actor-passage-context" aria-hidden="true">
      …{before}
      <mark>{highlight.exact}</mark>
      {after}…
    </p>
  );
}
