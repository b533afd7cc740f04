import { NODE_REFERENCES, type FieldbookNodeJson, type ReferenceKind } from '../../common/note-format';
import { wholeCodePoints } from '../text/code-points';
import { noteLines } from './read-note-body';

/** Longer than a backlink's line can show in full: a long sentence is cut to this much around the link. */
export const MAX_CONTEXT = 200;

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** True when the node names one of `uids` as a `kind` (a note link its note, a quote its passage or its document). */
function names(node: FieldbookNodeJson, kind: ReferenceKind, uids: ReadonlySet<string>): boolean {
  return Object.entries(NODE_REFERENCES[node.type]).some(([field, named]) => {
    const uid = (node as Record<string, unknown>)[field];
    return named === kind && typeof uid === 'string' && uids.has(uid);
  });
}

/**
 * The sentence in which a body first refers to a target (any of its uids: a merged actor has
 * several), as a backlink shows it: why that note links here, not merely what it begins with.
 * A longer sentence than MAX_CONTEXT is cut around the reference, with an ellipsis where cut.
 * Null when the body shows no reference to it.
 */
export function referenceContext(root: unknown, kind: ReferenceKind, uids: ReadonlySet<string>): string | null {
  for (const line of noteLines(root)) {
    const placed = line.nodes.find(({ node }) => names(node, kind, uids));
    if (placed) return sentenceAround(line.text, placed.start, placed.end);
  }
  return null;
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  // The sentences the reference touches: a title holding a full stop may span two.
  for (const { index, segment } of sentences.segment(text)) {
    if (index + segment.length <= start) from = index + segment.length;
    else if (index >= end) {
      to = index;
      break;
    }
  }
  const sentence = text.slice(from, to);
  const lead = sentence.length - sentence.trimStart().length;
  return cutAround(sentence.trim(), start - from - lead, end - from - lead);
}

/**
 * About MAX_CONTEXT characters of `text` (the ellipses included), keeping the reference at
 * [start, end) whole and in view.
 */
function cutAround(text: string, start: number, end: number): string {
  if (text.length <= MAX_CONTEXT) return text;
  const room = Math.max(0, MAX_CONTEXT - 2 - (end - start));
  // Words before the reference matter as much as after: half the room each, the rest to whichever side has more.
  let before = Math.min(start, Math.floor(room / 2));
  const after = Math.min(text.length - end, room - before);
  before = Math.min(start, room - after);
  let from = start - before;
  let to = end + after;
  // Whole words where there are spaces to cut at; whole characters in any case.
  const firstSpace = text.slice(from, start).search(/\s/);
  if (from > 0 && firstSpace >= 0) from += firstSpace + 1;
  const lastSpace = text.slice(end, to).search(/\s\S*$/);
  if (to < text.length && lastSpace >= 0) to = end + lastSpace;
  const cut = wholeCodePoints(text, from, to);
  return `${cut.start > 0 ? '…' : ''}${text.slice(cut.start, cut.end).trim()}${cut.end < text.length ? '…' : ''}`;
}
