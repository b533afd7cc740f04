import { useId, useMemo, useState } from 'react';
import type { Actor, ActorMention } from '../../main/common/records';
import type { TextSpan } from '../highlights/text-offsets';
import { actorStyle } from './actor-colours';
import { count } from './actor-words';
import { useActors } from './actors-store';
import { mentionContext } from './mention-context';
import type { Mentions } from './use-mentions';

interface Props {
  mentions: Mentions;
  /** The document's text, which mention offsets count in. */
  text: string;
  onGoTo(span: TextSpan): void;
}

interface Group {
  actor: Actor;
  mentions: ActorMention[];
}

/** Mentions grouped by actor (in order of first appearance), each ready to become a tagged highlight. */
function groupByActor(mentions: readonly ActorMention[], byId: Map<number, Actor>): Group[] {
  const groups = new Map<number, Group>();
  for (const mention of mentions) {
    const actor = byId.get(mention.actorId);
    if (!actor) continue;
    const group = groups.get(actor.id) ?? { actor, mentions: [] };
    group.mentions.push(mention);
    groups.set(actor.id, group);
  }
  return [...groups.values()];
}

/** The panel's list of the actors named in the open document, shown while "Show mentions" is on. */
export function MentionsSection({ mentions: state, text, onGoTo }: Props) {
  const headingId = useId();
  const { byId } = useActors();
  const groups = useMemo(() => groupByActor(state.mentions ?? [], byId), [state.mentions, byId]);
  const [status, setStatus] = useState('');

  if (!state.shown) return null;
  return (
    <section aria-labelledby={headingId} className="mentions-section">
      <h3 id={headingId} className="mentions-heading">
        Mentions
        {state.mentions && state.mentions.length > 0 && <span className="highlights-count"> ({state.mentions.length})</span>}
      </h3>
      {state.error && (
        <div role="alert" className="highlights-problem">
          <p>{state.error.message}</p>
          <button type="button" className="button button-quiet" onClick={state.retry}>
            Try again
          </button>
        </div>
      )}
      {state.mentions === null && !state.error && <p className="highlights-note">Finding mentions…</p>}
      {state.mentions?.length === 0 && (
        <p className="highlights-note">No actor’s name or alias appears in this document. Names are matched whole, ignoring case and accents.</p>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {groups.map((group) => (
        <MentionGroup key={group.actor.id} group={group} text={text} accept={state.accept} onGoTo={onGoTo} onStatus={setStatus} />
      ))}
    </section>
  );
}

interface GroupProps {
  group: Group;
  text: string;
  accept: Mentions['accept'];
  onGoTo(span: TextSpan): void;
  onStatus(message: string): void;
}

function MentionGroup({ group, text, accept, onGoTo, onStatus }: GroupProps) {
  const id = useId();
  const { actor, mentions } = group;
  const pending = mentions.filter((m) => !m.accepted).length;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (ranges?: Array<{ start: number; end: number }>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const outcome = await accept(actor.id, ranges);
    setBusy(false);
    if ('message' in outcome) {
      setError(outcome.message);
      return;
    }
    // Every accepted mention is tagged; those without a highlight yet were created first, and are counted once.
    const accepted = outcome.tagged;
    onStatus(`Accepted ${count(accepted, 'mention', 'mentions')} of ${actor.name} as tagged highlights.`);
  };

  return (
    <section aria-labelledby={`${id}-name`} className="mention-group" style={actorStyle(actor.colour)}>
      <div className="mention-group-header">
        <h4 id={`${id}-name`} className="actor-name-chip">
          <span className="actor-dot" aria-hidden="true" />
          {actor.name}
        </h4>
        <span className="mention-group-count">{count(mentions.length, 'mention', 'mentions')}</span>
      </div>
      {pending > 0 && (
        <button type="button" className="button button-quiet mention-accept-all" aria-disabled={busy || undefined} onClick={() => void run()}>
          {pending === 1 ? `Accept the 1 mention of ${actor.name}` : `Accept all ${pending} mentions of ${actor.name}`}
        </button>
      )}
      {error && (
        <p role="alert" className="highlight-card-error">
          {error}
        </p>
      )}
      {/* Closed at first: a name the text repeats twenty times should not push the highlights out of sight. */}
      <details className="mention-details">
        <summary>Review each mention</summary>
        <ul className="mention-list">
          {mentions.map((mention) => {
            const context = mentionContext(text, mention.start, mention.end, 36);
            const contextId = `${id}-${mention.start}`;
            return (
              <li key={`${mention.start}:${mention.end}`} className="mention" data-accepted={mention.accepted || undefined}>
                <button type="button" id={contextId} className="mention-context" onClick={() => onGoTo(mention)}>
                  <span className="visually-hidden">Go to mention: </span>
                  {context.before}
                  <mark>{context.match}</mark>
                  {context.after}
                </button>
                {mention.accepted ? (
                  <span className="mention-accepted">
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path d="m3.5 8.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    Accepted
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-quiet mention-accept"
                    aria-describedby={contextId}
                    aria-disabled={busy || undefined}
                    onClick={() => void run([{ start: mention.start, end: mention.end }])}
                  >
                    Accept
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
