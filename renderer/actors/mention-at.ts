import type { ActorMention } from '../../main/common/records';

/**
 * The painted mention (suggested or accepted, not rejected) covering a text offset, if any.
 * `mentions` are in reading order, as the core gives them; searched by halves, since the pointer
 * asks on every move and a book names its actors thousands of times.
 */
export function mentionAt(mentions: readonly ActorMention[], offset: number): ActorMention | null {
  // The first mention starting after the offset; any covering it starts before.
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  // Overlaps are few (a judged place beside a found one): a short walk back finds the nearest cover.
  for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
    const mention = mentions[i]!;
    if (mention.status !== 'rejected' && offset < mention.end) return mention;
  }
  return null;
}

/** What a pointed-at mention is called, on hover and to a screen reader. */
export function mentionLabel(actorName: string, mention: Pick<ActorMention, 'status'>): string {
  return mention.status === 'accepted' ? `${actorName} · accepted mention` : `${actorName}? · suggested mention`;
}
