/**
 * The highlights chosen in a list, as a file manager chooses files: a click toggles one, a
 * Shift-click (or Shift+Space) gives every one from the last one clicked to this one the state this
 * one takes, and "select all shown" chooses what the list shows. Only ids still shown count, so a
 * narrowed list never exports or tags what the person can no longer see.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Where the last plain toggle was, for the next range; null before any. */
  anchor: number | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Toggles the id shown at `index`; with `range`, every id from the anchor to it follows it. */
export function toggleAt(selection: Selection, shown: readonly number[], index: number, range: boolean): Selection {
  const id = shown[index];
  if (id === undefined) return selection;
  const on = !selection.ids.has(id);
  const next = new Set(selection.ids);
  const anchor = selection.anchor !== null && shown.includes(selection.anchor) ? shown.indexOf(selection.anchor) : null;
  const [from, to] = range && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
  for (let i = from; i <= to; i++) {
    if (on) next.add(shown[i]!);
    else next.delete(shown[i]!);
  }
  // A range keeps its anchor, so a second Shift-click re-draws the range from the same place.
  return { ids: next, anchor: range && anchor !== null ? selection.anchor : id };
}

/** Every shown id chosen, or none when all of them already are. */
export function toggleAllShown(selection: Selection, shown: readonly number[]): Selection {
  const all = shown.length > 0 && shown.every((id) => selection.ids.has(id));
  return { ids: all ? new Set() : new Set(shown), anchor: null };
}

/** The chosen ids the list still shows, in its order. */
export const chosenShown = (selection: Selection, shown: readonly number[]): number[] => shown.filter((id) => selection.ids.has(id));
