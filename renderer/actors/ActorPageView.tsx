import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ActorPage } from '../../main/common/records';
import { consecutiveGroups } from '../lists/consecutive-groups';
import { hashForRoute } from '../route';
import { PassageGroups } from '../highlights/PassageGroups';
import { ACTOR_COLOUR_NAMES, actorStyle } from './actor-colours';
import { count, KIND_LABELS } from './actor-words';
import { ActorForm } from './ActorForm';
import { DeleteActorDialog } from './DeleteActorDialog';
import { MergeActorDialog } from './MergeActorDialog';
import { useActorPage } from './use-actor-page';
import { useFadingMessage } from './use-fading-message';
import { ExportMenu } from '../export/ExportMenu';
import { actorExportChoices } from '../export/export-choices';
import { OpenProblem } from '../reader/OpenProblem';

type Dialog = 'delete' | 'merge' | null;

/** The main area at #/actor/ID: who the actor is, every passage tagged with it, where documents name it, and who appears with it. */
export function ActorPageView({ id }: { id: number }) {
  const { state, retry } = useActorPage(id);
  const pane = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useFadingMessage();
  const name = state.status === 'open' ? state.page.actor.name : null;

  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [id]);

  const finishEditing = (saved: boolean) => {
    setEditing(false);
    if (saved) setMessage('Changes saved.');
    // The form is gone; the page's heading is where the reader was.
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <main ref={pane} tabIndex={0} aria-label={name ?? 'Actor'} aria-busy={state.status === 'loading' || undefined} className="actor-page">
      {state.status === 'loading' && <p className="actor-page-note">Opening…</p>}
      {state.status === 'failed' && <OpenProblem message={state.error.message} onRetry={retry} />}
      {state.status === 'open' && (
        <div className="actor-page-column">
          <header className="actor-page-header" style={actorStyle(state.page.actor.colour)}>
            <p className="actor-page-kind">
              <span className="actor-dot" aria-hidden="true" />
              {KIND_LABELS[state.page.actor.kind]}
            </p>
            <h1 ref={heading} tabIndex={-1}>
              {state.page.actor.name}
            </h1>
            {editing ? (
              <ActorForm actor={state.page.actor} onSaved={() => finishEditing(true)} onCancel={() => finishEditing(false)} />
            ) : (
              <ActorFacts page={state.page} />
            )}
            {!editing && (
              <div className="actor-page-actions">
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Edit actor
                </button>
                <button type="button" className="button" onClick={() => setDialog('merge')}>
                  Merge another actor into this one…
                </button>
                <button type="button" className="button button-danger" onClick={() => setDialog('delete')}>
                  Delete actor…
                </button>
                <ExportMenu label="Export" look="plain" choices={actorExportChoices(state.page.actor.id)} />
              </div>
            )}
            <p role="status" className="actor-page-status">
              {message}
            </p>
          </header>
          <Passages page={state.page} />
          <Mentions page={state.page} />
          <Notes page={state.page} />
          <AppearsWith page={state.page} />
          {dialog === 'delete' && <DeleteActorDialog actor={state.page.actor} onClose={() => setDialog(null)} />}
          {dialog === 'merge' && (
            <MergeActorDialog
              keep={state.page.actor}
              onClose={() => setDialog(null)}
              onMerged={(merged) => {
                setDialog(null);
                setMessage(`Merged ${merged} into ${state.page.actor.name}.`);
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}

function ActorFacts({ page }: { page: ActorPage }) {
  const { actor } = page;
  const colourName = ACTOR_COLOUR_NAMES[actor.colour.toLowerCase() as keyof typeof ACTOR_COLOUR_NAMES] ?? actor.colour;
  return (
    <>
      {actor.description && <p className="actor-page-description">{actor.description}</p>}
      <dl className="actor-page-facts">
        <div>
          <dt>Also known as</dt>
          <dd>
            {actor.aliases.length === 0 ? (
              <span className="actor-page-none">No aliases</span>
            ) : (
              <ul className="actor-aliases" aria-label="Aliases">
                {actor.aliases.map((alias) => (
                  <li key={alias}>{alias}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Colour</dt>
          <dd>
            <span className="actor-dot" aria-hidden="true" /> {colourName}
          </dd>
        </div>
        <div>
          <dt>Tagged on</dt>
          <dd>{count(page.passageCount, 'passage', 'passages')}</dd>
        </div>
        <div>
          <dt>Mentioned</dt>
          <dd>{page.mentionCount === 0 ? 'No accepted mentions' : count(page.mentionCount, 'time', 'times')}</dd>
        </div>
      </dl>
    </>
  );
}

function Passages({ page }: { page: ActorPage }) {
  const id = useId();
  const { actor, passages, passageCount } = page;
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>
        Passages {passageCount > 0 && <span className="actor-page-count">({passageCount})</span>}
      </h2>
      <PassageGroups
        passages={passages}
        total={passageCount}
        empty={`No passages are tagged with ${actor.name} yet. Tag a highlight from its card, or from the toolbar that appears when you select text.`}
      />
    </section>
  );
}

/** The places documents name the actor, as accepted in the reader's Mentions: each in its sentence, apart from the passages. */
function Mentions({ page }: { page: ActorPage }) {
  const id = useId();
  const { actor, mentions, mentionCount } = page;
  return (
    <section aria-labelledby={id} className="actor-page-section" style={actorStyle(actor.colour)}>
      <h2 id={id}>
        Mentions {mentionCount > 0 && <span className="actor-page-count">({mentionCount})</span>}
      </h2>
      {mentionCount === 0 && (
        <p className="actor-page-note">
          No mentions of {actor.name} are accepted yet. Turn on Show mentions in a document to review where its names appear.
        </p>
      )}
      {mentions.length < mentionCount && <p className="actor-page-note">Showing the first {mentions.length} of {mentionCount} mentions.</p>}
      {consecutiveGroups(mentions, (mention) => mention.documentId).map((group) => (
        <div key={group.key} className="actor-passage-group">
          <h3 className="actor-passage-document">{group.first.documentTitle}</h3>
          <ol className="actor-mentions">
            {group.items.map((mention) => (
              <li key={mention.id} className="actor-mention">
                <a href={hashForRoute({ kind: 'document', id: mention.documentId, at: { start: mention.start, end: mention.end } })}>
                  {mention.before}
                  <mark>{mention.match}</mark>
                  {mention.after}
                </a>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function Notes({ page }: { page: ActorPage }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>Notes that mention {page.actor.name}</h2>
      {page.notes.length === 0 ? (
        <p className="actor-page-note">No notes mention {page.actor.name} yet.</p>
      ) : (
        <ul className="actor-page-links">
          {page.notes.map((note) => (
            <li key={note.id}>
              <a href={hashForRoute({ kind: 'note', id: note.id })}>{note.title.trim() || 'Untitled note'}</a>
              <span className="actor-page-meta">
                {' '}
                · edited <time dateTime={note.updatedAt}>{formatDay(note.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AppearsWith({ page }: { page: ActorPage }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>Appears with</h2>
      {page.cooccurring.length === 0 ? (
        <p className="actor-page-note">No other actor is tagged on a passage tagged with {page.actor.name}.</p>
      ) : (
        <ul className="actor-page-links">
          {page.cooccurring.map(({ actor, count: shared }) => (
            <li key={actor.id}>
              <a href={hashForRoute({ kind: 'actor', id: actor.id })} className="actor-name-chip" style={actorStyle(actor.colour)}>
                <span className="actor-dot" aria-hidden="true" />
                {actor.name}
              </a>
              <span className="actor-page-meta"> — {count(shared, 'passage', 'passages')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}
