/** A note just made with New note opens with the caret in its title, ready to name it. */
let pendingFocus: number | null = null;

export function focusTitleWhenOpened(id: number): void {
  pendingFocus = id;
}

export function takeTitleFocus(id: number): boolean {
  if (pendingFocus !== id) return false;
  pendingFocus = null;
  return true;
}
