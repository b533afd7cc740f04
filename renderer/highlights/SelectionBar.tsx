import { useState } from 'react';
import type { Actor, Theme } from '../../main/common/records';
import { api } from '../api/client';
import { ActorCombobox } from '../actors/ActorCombobox';
import { ExportMenu } from '../export/ExportMenu';
import { AddToAnalysis } from '../hypotheses/AddToAnalysis';
import type { CodebookRow } from '../themes/codebook-rows';
import { ThemeCombobox } from '../themes/ThemeCombobox';

interface Props {
  /** The chosen highlights still shown, in the list's order. */
  chosen: readonly number[];
  actors: readonly Actor[];
  themes: readonly CodebookRow[];
  onClear(): void;
}

const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'highlight' : 'highlights'}`;

/**
 * What can be done to the chosen highlights at once: save them as one file, or tag them all with
 * an actor or a theme (one op, so either all of them are tagged or, when one has gone meanwhile, none).
 */
export function SelectionBar({ chosen, actors, themes, onClear }: Props) {
  const [tagged, setTagged] = useState<string | null>(null);
  const tagAll = async (actor: Actor) => {
    setTagged(null);
    const result = await api.call('highlights.tagMany', { highlightIds: [...chosen], actorId: actor.id });
    if (!result.ok) return result.error;
    setTagged(`Tagged ${count(chosen.length)} with ${actor.name}.`);
    return null;
  };
  const codeAll = async (theme: Theme) => {
    setTagged(null);
    const result = await api.call('highlights.tagManyTheme', { highlightIds: [...chosen], themeId: theme.id });
    if (!result.ok) return result.error;
    setTagged(`Coded ${count(chosen.length)} with ${theme.name}.`);
    return null;
  };
  return (
    <section aria-label="Selected highlights" className="all-highlights-selection">
      <p className="all-highlights-selection-count">{count(chosen.length)} selected</p>
      <ExportMenu
        label="Export selected"
        choices={[
          { label: 'Selected as Markdown', run: () => api.call('export.highlightsSelection', { highlightIds: [...chosen], format: 'markdown' }) },
          { label: 'Selected as CSV', run: () => api.call('export.highlightsSelection', { highlightIds: [...chosen], format: 'csv' }) },
        ]}
      />
      <div className="all-highlights-selection-tag">
        <ActorCombobox label="Tag selected with actor" placeholder="Tag all with an actor…" actors={actors} onPick={tagAll} />
      </div>
      {themes.length > 0 && (
        <div className="all-highlights-selection-tag">
          <ThemeCombobox label="Code selected with theme" placeholder="Code all with a theme…" rows={themes} onPick={codeAll} />
        </div>
      )}
      <AddToAnalysis highlightIds={chosen} />
      <p role="status" className="all-highlights-selection-note">
        {tagged}
      </p>
      <button type="button" className="button button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
