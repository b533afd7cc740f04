import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ThemePage } from '../../main/common/records';
import { ACTOR_COLOUR_NAMES, actorStyle } from '../actors/actor-colours';
import { count } from '../actors/actor-words';
import { useFadingMessage } from '../actors/use-fading-message';
import { useOp } from '../data/op-queries';
import { PassageGroups } from '../highlights/PassageGroups';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute } from '../route';
import { DeleteThemeDialog } from './DeleteThemeDialog';
import { MergeThemeDialog } from './MergeThemeDialog';
import { ThemeForm } from './ThemeForm';
import { useThemes } from './themes-store';
import '../styles/actors.css';
import '../styles/themes.css';

type Dialog = 'delete' | 'merge' | null;

/** The main area at #/theme/ID: the theme as its codebook entry, where it sits, and every passage coded with it. */
export function ThemePageView({ id }: { id: number }) {
  const { data, error, refetch } = useOp('themes.page', { id });
  // A failed refresh keeps the page on screen; a deleted theme's page does not.
  const page = data && error?.code !== 'not_found' ? data : null;
  const pane = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [addingSub, setAddingSub] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useFadingMessage();

  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [id]);

  const backToHeading = () => requestAnimationFrame(() => heading.current?.focus());

  return (
    <main ref={pane} tabIndex={0} aria-label={page?.theme.name ?? 'Theme'} aria-busy={!page && !error} className="actor-page">
      {!page && !error && <p className="actor-page-note">Opening…</p>}
      {!page && error && <OpenProblem message={error.message} onRetry={refetch} />}
      {page && (
        <div className="actor-page-column">
          <header className="actor-page-header" style={actorStyle(page.theme.colour)}>
            <p className="actor-page-kind">
              <span className="theme-mark" aria-hidden="true" />
              Theme
            </p>
            {page.path.length > 0 && (
              <nav aria-label="Where it sits in the codebook" className="theme-page-path">
                {page.path.map((above, index) => (
                  <span key={above.id}>
                    {index > 0 && ' / '}
                    <a href={hashForRoute({ kind: 'theme', id: above.id })}>{above.name}</a>
                  </span>
                ))}
                {' /'}
              </nav>
            )}
            <h1 ref={heading} tabIndex={-1}>
              {page.theme.name}
            </h1>
            {editing ? (
              <ThemeForm
                theme={page.theme}
                onSaved={() => {
                  setEditing(false);
                  setMessage('Changes saved.');
                  backToHeading();
                }}
                onCancel={() => {
                  setEditing(false);
                  backToHeading();
                }}
              />
            ) : (
              <ThemeFacts page={page} />
            )}
            {!editing && (
              <div className="actor-page-actions">
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Edit theme
                </button>
                <button type="button" className="button" aria-expanded={addingSub} onClick={() => setAddingSub(!addingSub)}>
                  Add a sub-theme
                </button>
                <button type="button" className="button" onClick={() => setDialog('merge')}>
                  Merge another theme into this one…
                </button>
                <button type="button" className="button button-danger" onClick={() => setDialog('delete')}>
                  Delete theme…
                </button>
              </div>
            )}
            {addingSub && (
              <ThemeForm
                parentId={page.theme.id}
                suggestedColour={page.theme.colour}
                onSaved={(theme) => {
                  setAddingSub(false);
                  setMessage(`Added ${theme.name} under ${page.theme.name}.`);
                }}
                onCancel={() => setAddingSub(false)}
              />
            )}
            <p role="status" className="actor-page-status">
              {message}
            </p>
          </header>
          <SubThemes page={page} />
          <Passages page={page} />
          {dialog === 'delete' && <DeleteThemeDialog theme={page.theme} subThemes={page.children.length} onClose={() => setDialog(null)} />}
          {dialog === 'merge' && (
            <MergeThemeDialog
              keep={page.theme}
              onClose={() => setDialog(null)}
              onMerged={(merged) => {
                setDialog(null);
                setMessage(`Merged ${merged} into ${page.theme.name}.`);
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}

function ThemeFacts({ page }: { page: ThemePage }) {
  const { theme } = page;
  const colourName = ACTOR_COLOUR_NAMES[theme.colour.toLowerCase() as keyof typeof ACTOR_COLOUR_NAMES] ?? theme.colour;
  return (
    <>
      {theme.description ? (
        <p className="actor-page-description">{theme.description}</p>
      ) : (
        <p className="actor-page-note">No definition yet. Edit the theme to say when a passage belongs to it.</p>
      )}
      <dl className="actor-page-facts">
        <div>
          <dt>Colour</dt>
          <dd>
            <span className="theme-mark" aria-hidden="true" /> {colourName}
          </dd>
        </div>
        <div>
          <dt>Coded on</dt>
          <dd>{count(page.passageCount, 'passage', 'passages')}</dd>
        </div>
      </dl>
    </>
  );
}

function SubThemes({ page }: { page: ThemePage }) {
  const id = useId();
  if (page.children.length === 0) return null;
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>Sub-themes</h2>
      <ul className="theme-subthemes">
        {page.children.map((child) => (
          <li key={child.id}>
            <a href={hashForRoute({ kind: 'theme', id: child.id })} className="actor-name-chip" style={actorStyle(child.colour)}>
              <span className="theme-mark" aria-hidden="true" />
              {child.name}
            </a>
            <span className="actor-page-meta"> — {count(child.passageCount, 'passage', 'passages')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Passages({ page }: { page: ThemePage }) {
  const id = useId();
  const { byId } = useThemes();
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>
        Passages {page.passageCount > 0 && <span className="actor-page-count">({page.passageCount})</span>}
      </h2>
      <PassageGroups
        passages={page.passages}
        total={page.passageCount}
        empty={`No passages are coded with ${page.theme.name} yet. Code a highlight from its card: open it and choose the theme under Theme.`}
        below={({ highlight }) => {
          // The passage's other themes: what this theme is found with.
          const others = highlight.themeIds.filter((other) => other !== page.theme.id).flatMap((other) => byId.get(other)?.theme ?? []);
          if (others.length === 0) return null;
          return (
            <ul className="theme-passage-tags" aria-label="Also coded with">
              {others.map((other) => (
                <li key={other.id}>
                  <a href={hashForRoute({ kind: 'theme', id: other.id })} className="actor-name-chip" style={actorStyle(other.colour)}>
                    <span className="theme-mark" aria-hidden="true" />
                    {other.name}
                  </a>
                </li>
              ))}
            </ul>
          );
        }}
      />
    </section>
  );
}
