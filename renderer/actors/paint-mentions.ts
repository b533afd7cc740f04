import { ACTOR_COLOURS, type ActorMention } from '../../main/common/records';
import { setHighlight, supportsCustomHighlights } from '../highlights/paint-highlights';
import { TextIndex } from '../highlights/text-offsets';
import { nearestPaletteIndex } from './actor-colours';

/*
 * Mentions are painted like highlights (CSS Custom Highlight API, so the document's DOM is never
 * touched) but as a dotted underline in the actor's colour, under one name per palette colour:
 * ::highlight() rules in actors.css cannot be given a colour per range.
 */

export const mentionHighlightName = (paletteIndex: number) => `fb-mention-${paletteIndex}`;
const ALL_NAMES = ACTOR_COLOURS.map((_, index) => mentionHighlightName(index));

export function paintMentions(root: HTMLElement, mentions: readonly ActorMention[], colourOf: (actorId: number) => string | undefined): void {
  if (!supportsCustomHighlights()) return;
  const index = new TextIndex(root);
  const byPalette = ACTOR_COLOURS.map(() => [] as Range[]);
  for (const mention of mentions) {
    const colour = colourOf(mention.actorId);
    const range = colour ? index.rangeOf(mention.start, mention.end) : null;
    if (colour && range) byPalette[nearestPaletteIndex(colour)]!.push(range);
  }
  // Priority 0: under the highlights' own markers (overlap, active, flash), which matter more while working.
  byPalette.forEach((ranges, paletteIndex) => setHighlight(mentionHighlightName(paletteIndex), ranges, 0));
}

export function clearMentions(): void {
  if (!supportsCustomHighlights()) return;
  for (const name of ALL_NAMES) CSS.highlights.delete(name);
}
