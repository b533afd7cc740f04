import { useCallback, useRef } from 'react';
import type { TriggerMatch } from './typeahead-matching';

/**
 * Lexical reopens a typeahead on the next keystroke after Escape while the trigger still matches,
 * so "[[" typed on purpose as text would keep pulling the menu back. Once a menu closes, the same
 * trigger (the same text up to its [[ or @) stays closed; a new one opens as usual.
 */
export function useDismissableTrigger(match: (textBeforeCaret: string) => TriggerMatch | null) {
  const last = useRef<{ text: string; match: TriggerMatch } | null>(null);
  const dismissed = useRef<string | null>(null);

  const trigger = useCallback(
    (text: string) => {
      const found = match(text);
      last.current = found ? { text, match: found } : null;
      if (!found) return null;
      const opening = text.slice(0, found.leadOffset + found.replaceableString.length - found.matchingString.length);
      if (dismissed.current === opening) return null;
      dismissed.current = null;
      return found;
    },
    [match],
  );

  const choosing = useRef(false);
  /** Call when an option is chosen: that closing is not a dismissal. */
  const chose = useCallback(() => {
    choosing.current = true;
  }, []);

  const closed = useCallback(() => {
    const current = last.current;
    if (choosing.current) {
      choosing.current = false;
      return;
    }
    if (current) {
      const { text, match: found } = current;
      dismissed.current = text.slice(0, found.leadOffset + found.replaceableString.length - found.matchingString.length);
    }
  }, []);

  return { trigger, closed, chose };
}
