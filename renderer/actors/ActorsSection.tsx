import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ACTOR_COLOURS, type Actor } from '../../main/common/records';
import { ListFilter, useListFilter } from '../lists/ListFilter';
import { RovingList } from '../lists/RovingList';
import { hashForRoute } from '../route';
import { actorStyle } from './actor-colours';
import { KIND_LABELS, tagCountLabel } from './actor-words';
import { ActorForm } from './ActorForm';
import { announceActors, useActors } from './actors-store';
import '../styles/actors.css';

interface Props {
  /** The actor whose page the main area shows, if any. */
  openId: number | null;
}

const NO_ACTORS: readonly Actor[] = [];
const filterText = (actor: Actor) => `${actor.name} ${actor.aliases.join(' ')} ${KIND_LABELS[actor.kind]}`;
const actorKey = (actor: Actor) => actor.id;

/** The registry: every actor in the library, and the way to add one. */
export function ActorsSection({ openId }: Props) {
  const { actors, error, notice, retry } = useActors();
  const filter = useListFilter(actors ?? NO_ACTORS, filterText);
  const renderRow = useCallback((actor: Actor, tabIndex: 0 | -1) => <ActorRow actor={actor} open={actor.id === openId} tabIndex={tabIndex} />, [openId]);
  const [adding, setAdding] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  // A confirmation is news for a moment, not a permanent line under the heading.
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => announceActors(''), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const close = () => {
    setAdding(false);
    newButton.current?.focus();
  };

  const saved = (actor: Actor) => {
    announceActors(`Added ${actor.name}.`);
    close();
  };

  return (
    <div className="actors-section list-pane">
      <div className="actors-header">
        {/* The view's tab shows the name; the heading is there for those who move by headings. */}
        <h2 className="visually-hidden">Actors</h2>
        <button
          ref={newButton}
          type="button"
          className="button button-quiet"
          aria-expanded={adding}
          onClick={() => (adding ? close() : setAdding(true))}
        >
          <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4.5v11M4.5 10h11" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          New actor
        </button>
      </div>
      {adding && <ActorForm suggestedColour={ACTOR_COLOURS[(actors?.length ?? 0) % ACTOR_COLOURS.length]} onSaved={saved} onCancel={close} />}
      <p role="status" className="actors-status">
        {notice}
      </p>
      {error && (
        <div role="alert" className="library-problem">
          <p>{error.message}</p>
          <button type="button" className="button button-quiet" onClick={retry}>
            Reload actors
          </button>
        </div>
      )}
      {actors === null && !error && <p className="library-note">Loading actors…</p>}
      {actors?.length === 0 && !adding && (
        <p className="library-note">No actors yet. Add the people, groups, states and places your sources talk about, then tag passages with them.</p>
      )}
      {actors && actors.length > 0 && (
        <>
          <ListFilter query={filter.query} setQuery={filter.setQuery} inputRef={filter.input} label="Filter actors" />
          {filter.shown.length === 0 && <p className="library-note">No actor’s name, alias or kind holds “{filter.query.trim()}”.</p>}
          <RovingList
            items={filter.shown}
            keyOf={actorKey}
            label="Actors"
            className="actor-list"
            rowClassName="actor-list-row"
            currentKey={openId}
            renderRow={renderRow}
            onType={filter.typeIntoFilter}
          />
        </>
      )}
    </div>
  );
}

function ActorRow({ actor, open, tabIndex }: { actor: Actor; open: boolean; tabIndex: 0 | -1 }) {
  const id = useId();
  // The link holds the actor's name alone (see DocumentList); kind and count beside it describe it.
  return (
    <>
      <a
        tabIndex={tabIndex}
        href={hashForRoute({ kind: 'actor', id: actor.id })}
        className="list-row-control actor-name-chip"
        style={actorStyle(actor.colour)}
        aria-current={open ? 'page' : undefined}
        aria-describedby={`${id}-details`}
      >
        <span className="actor-dot" aria-hidden="true" />
        {actor.name}
      </a>
      <span id={`${id}-details`} className="actor-list-details">
        {KIND_LABELS[actor.kind]} · {tagCountLabel(actor.tagCount)}
      </span>
    </>
  );
}
