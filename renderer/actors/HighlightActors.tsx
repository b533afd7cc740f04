import { useRef, useState } from 'react';
import type { Actor, Highlight } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { hashForRoute } from '../route';
import { actorStyle } from './actor-colours';
import { ActorCombobox } from './ActorCombobox';
import { useActors } from './actors-store';

interface Props {
  highlight: Highlight;
  onTag(highlightId: number, actorId: number): Promise<{ ok: true } | { ok: false; error: OpError }>;
  onUntag(highlightId: number, actorId: number): Promise<{ ok: true } | { ok: false; error: OpError }>;
}

/** A card's actors: a chip for each tag (with a way to remove it) and a combobox to add one. */
export function HighlightActors({ highlight, onTag, onUntag }: Props) {
  const { actors, byId } = useActors();
  const [error, setError] = useState<OpError | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // An id the list does not know is an actor deleted a moment ago; its tag is gone with it.
  const tagged = highlight.actorIds.flatMap((actorId) => byId.get(actorId) ?? []);
  const untagged = (actors ?? []).filter((actor) => !highlight.actorIds.includes(actor.id));

  const tag = async (actor: Actor) => {
    const result = await onTag(highlight.id, actor.id);
    if (!result.ok) return result.error;
    return null;
  };

  const untag = async (actor: Actor) => {
    setError(null);
    const result = await onUntag(highlight.id, actor.id);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // The chip and its button are gone; the field to tag again is the nearest useful place.
    container.current?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
  };

  return (
    <div ref={container} className="highlight-actors">
      {tagged.length > 0 && (
        <ul className="actor-chips" aria-label="Actors">
          {tagged.map((actor) => (
            <li key={actor.id} className="actor-chip" style={actorStyle(actor.colour)}>
              <a className="actor-chip-name" href={hashForRoute({ kind: 'actor', id: actor.id })}>
                {actor.name}
              </a>
              <button
                type="button"
                className="actor-chip-remove"
                aria-label={`Remove tag ${actor.name}`}
                title={`Remove tag ${actor.name}`}
                onClick={() => void untag(actor)}
              >
                <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                  <path d="M3 3l6 6M9 3l-6 6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="highlight-card-error">
          {error.message}
        </p>
      )}
      <ActorCombobox label="Actor" placeholder="Tag with an actor…" actors={untagged} allActors={actors ?? []} allowCreate onPick={tag} />
    </div>
  );
}
