/**
 * Area highlights (issue #16): a rectangle on a PDF's page, for a table, a figure or a scan that
 * has no text to select. Its place is in fractions of the page (see HighlightArea in records.ts),
 * so the reader, the core and the exports agree on it whatever the zoom.
 */
import { z } from 'zod';
import type { HighlightArea } from './records';
import { MIN_AREA_SIDE } from './area-limits';

/**
 * How far past the page's edge a rectangle may reach: a drag measured in pixels and divided by
 * the page's size can land a hair beyond 1. The core trims it back to the edge.
 */
export const AREA_EDGE_TOLERANCE = 1e-6;

const fraction = (name: string) =>
  z
    .number({ error: `An area’s ${name} is a number: a fraction of the page from 0 to 1.` })
    .min(0, `An area’s ${name} cannot be negative: it is a fraction of the page from 0 to 1.`)
    .max(1, `An area’s ${name} is a fraction of the page, at most 1.`);

const side = (name: 'width' | 'height') =>
  fraction(name).min(MIN_AREA_SIDE, `An area must be at least 0.5% of the page’s ${name}; this one is too small to find again.`);

/** What the door takes as an area (the core then checks the page against the document's). */
export const HighlightAreaInput = z
  .object({
    page: z
      .number({ error: 'An area’s page is a number, counted from 1.' })
      .int('An area’s page is a whole number, counted from 1.')
      .min(1, 'An area’s page is counted from 1.'),
    x: fraction('x'),
    y: fraction('y'),
    width: side('width'),
    height: side('height'),
  })
  .strict()
  .refine((a) => a.x + a.width <= 1 + AREA_EDGE_TOLERANCE, { message: 'The area reaches past the right edge of the page (x + width is more than 1).', path: ['width'] })
  .refine((a) => a.y + a.height <= 1 + AREA_EDGE_TOLERANCE, { message: 'The area reaches past the bottom of the page (y + height is more than 1).', path: ['height'] });

/** The area trimmed to its page: what the tolerance let past the edge is taken off its width or height. */
export function withinPage(area: HighlightArea): HighlightArea {
  return { ...area, width: Math.min(area.width, 1 - area.x), height: Math.min(area.height, 1 - area.y) };
}

/** How a card, an export or the command line names an area instead of a quote: "Area on p. 12". */
export const areaCaption = (pageCitation: string) => `Area on ${pageCitation}`;

/**
 * The area as a Media Fragment (https://www.w3.org/TR/media-frags/#naming-space) in percent of the
 * page: "xywh=percent:10,20,30,40". The grammar takes whole numbers only, so the rectangle is
 * widened to the whole percents around it: it always covers the area, by under a percent more on
 * each side (the archive keeps the exact place).
 */
export function areaFragment(area: Pick<HighlightArea, 'x' | 'y' | 'width' | 'height'>): `xywh=percent:${string}` {
  // Rounded first, so 0.8 of a page (80.00000000000001 once multiplied) is 80, not 81.
  const percent = (fractionOfPage: number) => Number((fractionOfPage * 100).toFixed(6));
  const left = Math.floor(percent(area.x));
  const top = Math.floor(percent(area.y));
  const right = Math.min(100, Math.ceil(percent(area.x + area.width)));
  const bottom = Math.min(100, Math.ceil(percent(area.y + area.height)));
  return `xywh=percent:${left},${top},${Math.max(1, right - left)},${Math.max(1, bottom - top)}`;
}
