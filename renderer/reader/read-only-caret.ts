/*
 * Chromium gives non-editable text a caret only with caret browsing, which pages cannot turn on;
 * without a caret, Shift+arrows cannot select, and keyboard users could not highlight. So the
 * article is contenteditable (announced read-only), and every way of changing it is refused here.
 * Input that cannot be cancelled (IME composition, execCommand) is undone by putting the
 * document's markup back, so its text — which every highlight offset counts in — never changes.
 * The reader's own changes (filling in a long document's chunks) are forgotten as they are made.
 */

/** Keys that edit even when beforeinput is refused by some paths (and would otherwise beep). */
const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete']);
/** Formatting chords (bold, italic, underline) that Chromium applies to contenteditable. */
const FORMATTING_KEYS = new Set(['b', 'i', 'u']);

export interface ReadOnlyOptions {
  /** Puts the document's own markup back (and redoes anything tied to the old nodes, such as painted ranges). */
  restore(): void;
  /** Enter on the caret: the article handles it (following an in-document link) instead of editing. */
  onEnter?(event: KeyboardEvent): void;
}

export interface ReadOnlyGuard {
  /** The article was just changed by the reader itself: that is not an edit to undo. */
  forgetChanges(): void;
  release(): void;
}

export function keepReadOnly(article: HTMLElement, { restore, onEnter }: ReadOnlyOptions): ReadOnlyGuard {
  const refuse = (event: Event) => event.preventDefault();

  const keydown = (event: KeyboardEvent) => {
    if (EDITING_KEYS.has(event.key)) {
      event.preventDefault();
      if (event.key === 'Enter') onEnter?.(event);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && FORMATTING_KEYS.has(event.key.toLowerCase())) event.preventDefault();
  };

  const observer = new MutationObserver((records) => {
    if (!records.some((record) => record.type === 'characterData' || record.type === 'childList')) return;
    observer.disconnect();
    restore();
    observer.takeRecords();
    observe();
  });
  const observe = () => observer.observe(article, { subtree: true, childList: true, characterData: true });

  article.addEventListener('beforeinput', refuse);
  article.addEventListener('keydown', keydown);
  for (const type of ['paste', 'cut', 'drop', 'dragstart', 'dragover']) article.addEventListener(type, refuse);
  observe();
  return {
    forgetChanges: () => void observer.takeRecords(),
    release: () => {
      observer.disconnect();
      article.removeEventListener('beforeinput', refuse);
      article.removeEventListener('keydown', keydown);
      for (const type of ['paste', 'cut', 'drop', 'dragstart', 'dragover']) article.removeEventListener(type, refuse);
    },
  };
}
