import { useRef, useState } from 'react';
import type { Highlight, Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { actorStyle } from '../actors/actor-colours';
import { showChangedHighlight } from '../highlights/use-highlights';
import { hashForRoute } from '../route';
import { ThemeCombobox } from './ThemeCombobox';
import { useThemes } from './themes-store';
import '../styles/themes.css';

/** A passage's themes: a chip for each (with a way to remove it) and a combobox to code it with another. */
export function HighlightThemes({ highlight }: { highlight: Highlight }) {
  const { rows, byId } = useThemes();
  const [error, setError] = useState<OpError | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // An id the codebook does not know is a theme deleted a moment ago; its tag went with it.
  const tagged = highlight.themeIds.flatMap((themeId) => byId.get(themeId) ?? []);
  const untagged = rows.filter((row) => !highlight.themeIds.includes(row.theme.id));

  const tag = async (theme: Theme) => {
    const result = await api.call('highlights.tagTheme', { highlightId: highlight.id, themeId: theme.id });
    if (!result.ok) return result.error;
    showChangedHighlight(result.value);
    return null;
  };

  const untag = async (theme: Theme) => {
    setError(null);
    const result = await api.call('highlights.untagTheme', { highlightId: highlight.id, themeId: theme.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    showChangedHighlight(result.value);
    container.current?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
  };

  return (
    <div ref={container} className="highlight-actors highlight-themes">
      {tagged.length > 0 && (
        <ul className="actor-chips" aria-label="Themes">
          {tagged.map(({ theme, path }) => (
            <li key={theme.id} className="actor-chip theme-chip" style={actorStyle(theme.colour)} title={path}>
              <a className="actor-chip-name" href={hashForRoute({ kind: 'theme', id: theme.id })}>
                {theme.name}
              </a>
              <button
                type="button"
                className="actor-chip-remove"
                aria-label={`Remove theme ${theme.name}`}
                title={`Remove theme ${theme.name}`}
                onClick={() => void untag(theme)}
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
      <ThemeCombobox label="Theme" placeholder="Code with a theme…" rows={untagged} allRows={rows} allowCreate onPick={tag} />
    </div>
  );
}
