import type { CSSProperties } from 'react';
import { ACTOR_COLOURS } from '../../main/common/records';

/** Names for the palette, so each swatch can be read out and told apart without seeing it. */
export const ACTOR_COLOUR_NAMES: Record<(typeof ACTOR_COLOURS)[number], string> = {
  '#b4541a': 'Rust',
  '#2f6f9f': 'Blue',
  '#7a4a9e': 'Plum',
  '#2e7d4f': 'Green',
  '#a3364a': 'Crimson',
  '#8a6d1f': 'Ochre',
  '#3f6b6b': 'Teal',
  '#5b5f97': 'Indigo',
};

/** The actor's colour for CSS, which mixes it with the page's tones (see actors.css). */
export const actorStyle = (colour: string): CSSProperties => ({ '--actor': colour }) as CSSProperties;

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * The palette entry nearest an actor's colour. Mentions are painted with ::highlight() rules, which
 * cannot take a colour per range, so each palette colour has its own rule and any other colour
 * (set outside the app) borrows the closest one.
 */
export function nearestPaletteIndex(colour: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return 0;
  const [r, g, b] = rgb(colour);
  let best = 0;
  let bestDistance = Infinity;
  ACTOR_COLOURS.forEach((entry, index) => {
    const [er, eg, eb] = rgb(entry);
    const distance = (r - er) ** 2 + (g - eg) ** 2 + (b - eb) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}
