import { useCallback, useState } from 'react';
import type { Highlight } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { UndoStack, type UndoOutcome } from './undo-delete';
import type { HighlightList } from './use-highlights';
import { useUndoShortcut } from './use-undo-shortcut';

export interface UndoDelete {
  /** The deletion the Undo notice is about, while it shows. */
  notice: Highlight | null;
  /** What the last undo did, or why it failed. */
  outcome: UndoOutcome;
  deleteHighlight(highlight: Highlight): Promise<OpError | null>;
  undo(): Promise<void>;
  dismissNotice(): void;
}

interface State {
  documentId: number | null;
  stack: UndoStack<Highlight>;
  notice: Highlight | null;
  outcome: UndoDelete['outcome'];
}

/** Deletion with a way back: the Undo notice, and Ctrl+Z anywhere but a text field. */
export function useUndoDelete(list: HighlightList, documentId: number | null): UndoDelete {
  const [state, setState] = useState<State>({ documentId, stack: new UndoStack(), notice: null, outcome: null });
  // Deletions in another document are not undone from this one: its highlights are not on screen.
  const current = state.documentId === documentId ? state : { documentId, stack: new UndoStack<Highlight>(), notice: null, outcome: null };
  const { remove, restore } = list;

  const deleteHighlight = useCallback(
    async (highlight: Highlight) => {
      const result = await remove(highlight.id);
      if (!result.ok) return result.error;
      setState((previous) => ({
        documentId,
        stack: (previous.documentId === documentId ? previous.stack : new UndoStack<Highlight>()).push(highlight),
        notice: highlight,
        outcome: null,
      }));
      return null;
    },
    [remove, documentId],
  );

  const top = current.stack.peek();
  const undo = useCallback(async () => {
    if (!top) return;
    const result = await restore(top.id);
    setState((previous) =>
      result.ok
        ? { ...previous, stack: previous.stack.without((item) => item.id === top.id), notice: null, outcome: { ok: true, message: 'Highlight restored.' } }
        : { ...previous, outcome: { ok: false, error: result.error } },
    );
  }, [top, restore]);

  const undoByKeys = useCallback(() => void undo(), [undo]);
  useUndoShortcut(top !== undefined, undoByKeys);

  const dismissNotice = useCallback(() => setState((previous) => ({ ...previous, notice: null })), []);
  return { notice: current.notice, outcome: current.outcome, deleteHighlight, undo, dismissNotice };
}
