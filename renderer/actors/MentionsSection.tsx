import { useId, useMemo, useState } from 'react';
import type { Actor, ActorMention } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
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
  /** Suggested and accepted, in reading order. */
  mentions: ActorMention[];
  rejected: ActorMention[];
}

/** What was just done, said aloud and shown, with the judgements that undo would forget. */
interface Outcome {
  message: string;
  undoIds: number[];
}

/** Mentions grouped by actor (in order of first appearance). */
function groupByActor(mentions: readonly ActorMention[], byId: Map<number, Actor>): Group[] {
  const groups = new Map<number, Group>();
  for (const mention of mentions) {
    const actor = byId.get(mention.actorId);
    if (!actor) continue;
    const group = groups.get(actor.id) ?? { actor, mentions: [], rejected: [] };
    (mention.status === 'rejected' ? group.rejected : group.mentions).push(mention);
    groups.set(actor.id, group);
  }
  return [...groups.values()];
}

/** The panel's list of the actors named in the open document, shown while "Show mentions" is on. */
export function MentionsSection({ mentions: state, text, onGoTo }: Props) {
  const headingId = useId();
  const { byId } = useActors();
  const groups = useMemo(() => groupByActor(state.mentions ?? [], byId), [state.mentions, byId]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const shownCount = groups.reduce((sum, group) => sum + group.mentions.length, 0);

  if (!state.shown) return null;

  const report = (next: Outcome) => {
    setUndoError(null);
    setOutcome(next);
  };

  const undo = async () => {
    if (!outcome) return;
    const result = await state.forget(outcome.undoIds);
    if ('code' in result) {
      setUndoError(result.message);
      return;
    }
    setUndoError(null);
    setOutcome({ message: 'Undone.', undoIds: [] });
  };

  return (
    <section aria-labelledby={headingId} className="mentions-section">
      <h3 id={headingId} className="mentions-heading">
        Mentions
        {shownCount > 0 && <span className="highlights-count"> ({shownCount})</span>}
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
      <div className="mention-outcome">
        <p role="status" className="mention-outcome-message">
          {outcome?.message ?? ''}
        </p>
        {outcome && outcome.undoIds.length > 0 && (
          <button type="button" className="button button-quiet" onClick={() => void undo()}>
            Undo
          </button>
        )}
      </div>
      {undoError && (
        <p role="alert" className="highlight-card-error">
          {undoError}
        </p>
      )}
      {groups.map((group) => (
        <MentionGroup key={group.actor.id} group={group} text={text} state={state} onGoTo={onGoTo} onOutcome={report} />
      ))}
    </section>
  );
}

interface GroupProps {
  group: Group;
  text: string;
  state: Mentions;
  onGoTo(span: TextSpan): void;
  onOutcome(outcome: Outcome): void;
}

function MentionGroup({ group, text, state, onGoTo, onOutcome }: GroupProps) {
  const id = useId();
  const { actor, mentions, rejected } = group;
  const pending = mentions.filter((m) => m.status === 'suggested').length;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs one change at a time; the answer's problem is shown on the group. */
  const run = async <T extends object>(change: () => Promise<T | OpError>, outcome: (value: T) => Outcome) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await change();
    setBusy(false);
    if ('code' in result && 'message' in result) {
      setError((result as OpError).message);
      return;
    }
    onOutcome(outcome(result as T));
  };

  const accept = (ranges?: Array<{ start: number; end: number }>) =>
    run(
      () => state.accept(actor.id, ranges),
      ({ accepted, ids }) => ({ message: `Accepted ${count(accepted, 'mention', 'mentions')} of ${actor.name}.`, undoIds: ids }),
    );
  const reject = (mention: ActorMention) =>
    run(
      () => state.reject(mention),
      ({ id: recordId }) => ({ message: `“${mention.text}” there is not ${actor.name}; it will not be suggested again.`, undoIds: [recordId] }),
    );
  const forget = (mention: ActorMention, message: string) =>
    run(
      () => state.forget([mention.recordId!]),
      () => ({ message, undoIds: [] }),
    );

  const contextOf = (mention: ActorMention) => mentionContext(text, mention.start, mention.end, 36);

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
        <button type="button" className="button button-quiet mention-accept-all" aria-disabled={busy || undefined} onClick={() => void accept()}>
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
            const contextId = `${id}-${mention.start}`;
            return (
              <li key={`${mention.start}:${mention.end}`} className="mention" data-accepted={mention.status === 'accepted' || undefined}>
                <MentionContextButton id={contextId} context={contextOf(mention)} onClick={() => onGoTo(mention)} />
                {mention.status === 'accepted' ? (
                  <>
                    <span className="mention-accepted">
                      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <path d="m3.5 8.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                      </svg>
                      {mention.recordId === null ? 'Tagged' : 'Accepted'}
                    </span>
                    {mention.recordId !== null && (
                      <button
                        type="button"
                        className="button button-quiet mention-accept"
                        aria-describedby={contextId}
                        aria-disabled={busy || undefined}
                        onClick={() => void forget(mention, `“${mention.text}” is no longer counted as a mention of ${actor.name}.`)}
                      >
                        Remove
                      </button>
                    )}
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      className="button button-quiet mention-accept"
                      aria-describedby={contextId}
                      aria-disabled={busy || undefined}
                      onClick={() => void accept([{ start: mention.start, end: mention.end }])}
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      className="button button-quiet mention-reject"
                      aria-describedby={contextId}
                      aria-disabled={busy || undefined}
                      onClick={() => void reject(mention)}
                    >
                      Not this actor
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {rejected.length > 0 && (
          <>
            <h5 id={`${id}-rejected`} className="mention-rejected-heading">
              Not {actor.name} ({rejected.length})
            </h5>
            <ul className="mention-list" aria-labelledby={`${id}-rejected`}>
              {rejected.map((mention) => {
                const contextId = `${id}-${mention.start}-rejected`;
                return (
                  <li key={`${mention.start}:${mention.end}`} className="mention" data-rejected>
                    <MentionContextButton id={contextId} context={contextOf(mention)} onClick={() => onGoTo(mention)} />
                    <button
                      type="button"
                      className="button button-quiet mention-accept"
                      aria-describedby={contextId}
                      aria-disabled={busy || undefined}
                      onClick={() => void forget(mention, `“${mention.text}” is suggested as ${actor.name} again.`)}
                    >
                      Suggest again
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </details>
    </section>
  );
}

function MentionContextButton({ id, context, onClick }: { id: string; context: ReturnType<typeof mentionContext>; onClick(): void }) {
  return (
    <button type="button" id={id} className="mention-context" onClick={onClick}>
      <span className="visually-hidden">Go to mention: </span>
      {context.before}
      <mark>{context.match}</mark>
      {context.after}
    </button>
  );
}
