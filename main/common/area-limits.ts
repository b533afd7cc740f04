/**
 * The smallest side an area highlight may have, as a fraction of the page (0.5%): a drag shorter
 * than that is a slip of the mouse or a click, and would be a speck nobody could find or click
 * again. Apart from highlight-area.ts (which needs zod) so the reader can share it without
 * loading zod at start-up.
 */
export const MIN_AREA_SIDE = 0.005;
