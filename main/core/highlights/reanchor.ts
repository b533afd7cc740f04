import { anchor, AnchorTarget, type Anchoring, type Selectors } from './anchor';

/**
 * Places every highlight of a document on its new text, in reading order, carrying how far the
 * last placed one moved: text inserted or cut early in a document shifts everything after it by
 * the same amount, so that is where the next one is looked for first.
 */
export function reanchorInReadingOrder(
  text: string,
  highlights: ReadonlyArray<{ id: number; selectors: Selectors }>,
): Array<{ id: number; anchoring: Anchoring }> {
  const target = new AnchorTarget(text);
  const ordered = [...highlights].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
  let drift = 0;
  return ordered.map(({ id, selectors }) => {
    const anchoring = anchor(target, selectors, Math.max(0, selectors.position.start + drift));
    if (anchoring.status !== 'orphaned') drift = anchoring.start - selectors.position.start;
    return { id, anchoring };
  });
}
