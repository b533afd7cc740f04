import { useCallback, useEffect, useRef, useState } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import type { OpResultOf } from './use-highlights';

/** A comment is saved this long after the last keystroke, so a pause is never lost work. */
export const COMMENT_IDLE_MS = 600;

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; error: OpError };

export type UpdateHighlight = (id: number, changes: { colour?: HighlightColour; comment?: string }) => Promise<OpResultOf<Highlight>>;

/**
 * A highlight's comment as it is typed: saved after a pause, on leaving the field, and when the
 * field goes away (a card closing, the popover closing, the document closing), so no edit is lost.
 */
export function useCommentDraft(highlight: Highlight, onUpdate: UpdateHighlight) {
  const [draft, setDraft] = useState(highlight.comment);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  /** The comment as last stored, so an unchanged comment is never sent again. */
  const stored = useRef(highlight.comment);

  const saveComment = useCallback(
    async (comment: string) => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      if (comment === stored.current) return;
      setSave({ status: 'saving' });
      const result = await onUpdate(highlight.id, { comment });
      if (result.ok) {
        stored.current = result.value.comment;
        setSave({ status: 'saved' });
      } else {
        setSave({ status: 'failed', error: result.error });
      }
    },
    [highlight.id, onUpdate],
  );

  // A comment changed elsewhere (the popover, the card, another window) is taken up, unless an edit here is waiting to be saved.
  useEffect(() => {
    if (timer.current !== undefined || highlight.comment === stored.current) return;
    stored.current = highlight.comment;
    setDraft(highlight.comment);
  }, [highlight.comment]);

  const latest = useRef({ draft, saveComment });
  useEffect(() => {
    latest.current = { draft, saveComment };
  });
  /** Saves an edit still waiting for its pause. */
  const flush = useCallback(() => {
    if (timer.current !== undefined) void latest.current.saveComment(latest.current.draft);
  }, []);
  useEffect(() => flush, [flush]);

  const edit = (comment: string) => {
    setDraft(comment);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void saveComment(comment);
    }, COMMENT_IDLE_MS);
  };

  return { draft, save, edit, saveComment, flush };
}
