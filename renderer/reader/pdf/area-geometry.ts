import { MIN_AREA_SIDE } from '../../../main/common/area-limits';
import type { HighlightArea } from '../../../main/common/records';

export interface Point {
  x: number;
  y: number;
}


/**
 * The rectangle between two points of a drag on a page, as shares of the page's box (so it stays
 * put at every zoom), clipped to the page: a drag that runs off the page keeps its edge there.
 */
export function areaBetween(pageNumber: number, box: { left: number; top: number; width: number; height: number }, from: Point, to: Point): HighlightArea {
  const share = (value: number, start: number, size: number) => Math.min(Math.max((value - start) / size, 0), 1);
  const x1 = share(from.x, box.left, box.width);
  const x2 = share(to.x, box.left, box.width);
  const y1 = share(from.y, box.top, box.height);
  const y2 = share(to.y, box.top, box.height);
  return { page: pageNumber, x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}

/** The core's own smallest area: a smaller drag was a click, not a rectangle meant, and would be refused. */
export function isLargeEnough(area: HighlightArea): boolean {
  return area.width >= MIN_AREA_SIDE && area.height >= MIN_AREA_SIDE;
}

/** The rectangle's place on its page, as CSS percentages of the page. */
export function areaStyle(area: HighlightArea): { left: string; top: string; width: string; height: string } {
  const percent = (share: number) => `${(share * 100).toFixed(3)}%`;
  return { left: percent(area.x), top: percent(area.y), width: percent(area.width), height: percent(area.height) };
}
