import { useCallback, useState } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { UndoStack, type UndoOutcome } from './undo-delete';
import type { HighlightList } from './use-highlights';
import { useUndoShortcut } from './use-undo-shortcut';

/** An edit that can be taken back: a deletion, or a change of colour (with the highlight as it was). */
export type HighlightEdit = { kind: 'deleted'; highlight: Highlight } | { kind: 'recoloured'; highlight: Highlight; to: HighlightColour };

export interface HighlightUndo {
  /** The edit the Undo notice is about, while it shows. */
  notice: HighlightEdit | null;
  /** What the last undo did, or why it failed. */
  outcome: UndoOutcome;
  deleteHighlight(highlight: Highlight): Promise<OpError | null>;
  changeColour(highlight: Highlight, colour: HighlightColour): Promise<OpError | null>;
  undo(): Promise<void>;
  dismissNotice(): void;
}

interface State {
  documentId: number | null;
  stack: UndoStack<HighlightEdit>;
  notice: HighlightEdit | null;
  outcome: UndoOutcome;
}

/** Deleting and recolouring with a way back: the Undo notice, and Ctrl+Z anywhere but a text field. */
export function useHighlightUndo(list: HighlightList, documentId: number | null): HighlightUndo {
  const [state, setState] = useState<State>({ documentId, stack: new UndoStack(), notice: null, outcome: null });
  // Edits in another document are not undone from this one: its highlights are not on screen.
  const current = state.documentId === documentId ? state : { documentId, stack: new UndoStack<HighlightEdit>(), notice: null, outcome: null };
  const { remove, restore, update } = list;

  const done = useCallback(
    (edit: HighlightEdit) =>
      setState((previous) => ({
        documentId,
        stack: (previous.documentId === documentId ? previous.stack : new UndoStack<HighlightEdit>()).push(edit),
        notice: edit,
        outcome: null,
      })),
    [documentId],
  );

  const deleteHighlight = useCallback(
    async (highlight: Highlight) => {
      const result = await remove(highlight.id);
      if (!result.ok) return result.error;
      done({ kind: 'deleted', highlight });
      return null;
    },
    [remove, done],
  );

  const changeColour = useCallback(
    async (highlight: Highlight, colour: HighlightColour) => {
      if (highlight.colour === colour) return null;
      const result = await update(highlight.id, { colour });
      if (!result.ok) return result.error;
      done({ kind: 'recoloured', highlight, to: colour });
      return null;
    },
    [update, done],
  );

  const top = current.stack.peek();
  const undo = useCallback(async () => {
    if (!top) return;
    const result = top.kind === 'deleted' ? await restore(top.highlight.id) : await update(top.highlight.id, { colour: top.highlight.colour });
    const message = top.kind === 'deleted' ? 'Highlight restored.' : 'Colour put back.';
    setState((previous) =>
      result.ok
        ? { ...previous, stack: previous.stack.without((item) => item === top), notice: null, outcome: { ok: true, message } }
        : { ...previous, outcome: { ok: false, error: result.error } },
    );
  }, [top, restore, update]);

  const undoByKeys = useCallback(() => void undo(), [undo]);
  useUndoShortcut(top !== undefined, undoByKeys);

  const dismissNotice = useCallback(() => setState((previous) => ({ ...previous, notice: null })), []);
  return { notice: current.notice, outcome: current.outcome, deleteHighlight, changeColour, undo, dismissNotice };
}
