import { ACTOR_COLOURS, type ActorMention } from '../../main/common/records';
import { setHighlight, supportsCustomHighlights } from '../highlights/paint-highlights';
import { textMapOf } from '../highlights/text-offsets';
import { nearestPaletteIndex } from './actor-colours';

/*
 * Mentions are painted like highlights (CSS Custom Highlight API, so the document's DOM is never
 * touched) as an underline in the actor's colour, under one name per palette colour and
 * judgement: ::highlight() rules in actors.css cannot be given a colour per range. A suggestion
 * is dotted, an accepted mention solid; a rejected one is not painted at all.
 */

export const mentionHighlightName = (paletteIndex: number, status: 'suggested' | 'accepted') =>
  status === 'accepted' ? `fb-mention-accepted-${paletteIndex}` : `fb-mention-${paletteIndex}`;
const ALL_NAMES = ACTOR_COLOURS.flatMap((_, index) => [mentionHighlightName(index, 'suggested'), mentionHighlightName(index, 'accepted')]);

export function paintMentions(root: HTMLElement, mentions: readonly ActorMention[], colourOf: (actorId: number) => string | undefined): void {
  if (!supportsCustomHighlights()) return;
  const index = textMapOf(root);
  const suggested = ACTOR_COLOURS.map(() => [] as Range[]);
  const accepted = ACTOR_COLOURS.map(() => [] as Range[]);
  for (const mention of mentions) {
    if (mention.status === 'rejected') continue;
    const colour = colourOf(mention.actorId);
    const range = colour ? index.rangeOf(mention.start, mention.end) : null;
    if (colour && range) (mention.status === 'accepted' ? accepted : suggested)[nearestPaletteIndex(colour)]!.push(range);
  }
  // Priority 0: under the highlights' own markers (overlap, active, flash), which matter more while working.
  suggested.forEach((ranges, paletteIndex) => setHighlight(mentionHighlightName(paletteIndex, 'suggested'), ranges, 0));
  accepted.forEach((ranges, paletteIndex) => setHighlight(mentionHighlightName(paletteIndex, 'accepted'), ranges, 0));
}

export function clearMentions(): void {
  if (!supportsCustomHighlights()) return;
  for (const name of ALL_NAMES) CSS.highlights.delete(name);
}
