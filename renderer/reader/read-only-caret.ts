/*
 * Chromium gives non-editable text a caret only with caret browsing, which pages cannot turn on;
 * without a caret, Shift+arrows cannot select, and keyboard users could not highlight. So the
 * article is contenteditable (announced read-only), and every way of changing it is refused here.
 * Input that cannot be cancelled (IME composition, execCommand) is undone by putting the
 * document's markup back, so its text — which every highlight offset counts in — never changes.
 */

/** Keys that edit even when beforeinput is refused by some paths (and would otherwise beep). */
const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete']);
/** Formatting chords (bold, italic, underline) that Chromium applies to contenteditable. */
const FORMATTING_KEYS = new Set(['b', 'i', 'u']);

export interface ReadOnlyOptions {
  /** The markup the article must always hold. */
  html: string;
  /** After the markup was put back: anything tied to the old nodes (painted ranges) must be redone. */
  onRestored(): void;
  /** Enter on the caret: the article handles it (following an in-document link) instead of editing. */
  onEnter?(event: KeyboardEvent): void;
}

export function keepReadOnly(article: HTMLElement, { html, onRestored, onEnter }: ReadOnlyOptions): () => void {
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
    article.innerHTML = html;
    observer.takeRecords();
    observe();
    onRestored();
  });
  const observe = () => observer.observe(article, { subtree: true, childList: true, characterData: true });

  article.addEventListener('beforeinput', refuse);
  article.addEventListener('keydown', keydown);
  for (const type of ['paste', 'cut', 'drop', 'dragstart', 'dragover']) article.addEventListener(type, refuse);
  observe();
  return () => {
    observer.disconnect();
    article.removeEventListener('beforeinput', refuse);
    article.removeEventListener('keydown', keydown);
    for (const type of ['paste', 'cut', 'drop', 'dragstart', 'dragover']) article.removeEventListener(type, refuse);
  };
}
