import { anchor, AnchorTarget, describeRange } from '../highlights/anchor';
import { utf16Offsets, wholeCodePoints } from '../text/code-points';
import type { QdaTextSelection } from './qda-project';

export type Placement = { placed: true; start: number; end: number } | { placed: false; reason: string };

/**
 * Places a source's selections in the document's stored text. Positions count code points in the
 * source's text as the project carries it; the importer may have stored that text a little
 * differently (whitespace collapsed within a paragraph, runs of blank lines made one, line
 * endings), so where the two differ each selection's words are found again in the stored text,
 * near where they were, as a highlight is re-anchored when its document is replaced. A selection
 * whose words cannot be found is reported, never placed on other words.
 */
export class SelectionPlacer {
  private readonly offsets: Map<number, number | undefined>;
  private readonly target: AnchorTarget;

  constructor(
    private readonly sourceText: string,
    storedText: string,
    selections: readonly QdaTextSelection[],
  ) {
    this.offsets = utf16Offsets(sourceText, selections.flatMap((s) => [s.start, s.end]).filter(Number.isFinite));
    this.target = new AnchorTarget(storedText);
  }

  place(selection: QdaTextSelection): Placement {
    if (!Number.isFinite(selection.start) || !Number.isFinite(selection.end)) {
      return { placed: false, reason: 'its start or end position is not a whole number' };
    }
    if (selection.end <= selection.start) return { placed: false, reason: 'it covers no text' };
    const start = this.offsets.get(selection.start);
    const end = this.offsets.get(selection.end);
    if (start === undefined || end === undefined) {
      return { placed: false, reason: `it ends at position ${selection.end}, past the end of the text (${[...this.sourceText].length} characters)` };
    }
    const stored = this.target.text;
    let range: { start: number; end: number };
    if (stored === this.sourceText) {
      range = { start, end };
    } else {
      // Where the stored text is shorter or longer, the passage has moved about in proportion.
      const expected = Math.round((start * stored.length) / Math.max(1, this.sourceText.length));
      const anchoring = anchor(this.target, describeRange(this.sourceText, start, end), expected);
      if (anchoring.status === 'orphaned') return { placed: false, reason: 'its words could not be found in the document’s text as Fieldbook stores it' };
      range = anchoring;
    }
    range = wholeCodePoints(stored, range.start, range.end);
    if (stored.slice(range.start, range.end).trim().length === 0) return { placed: false, reason: 'it covers only spaces' };
    return { placed: true, ...range };
  }
}
