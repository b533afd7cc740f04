import { dateSpan, MONTH_NAMES, type TimelineActor, type TimelineEvent } from '../../main/common/timeline';

/**
 * Where each event sits on the Timeline's axis: one lane per actor (an event with two actors is in
 * both lanes) or per document, time running left to right at `pxPerDay`, and events that would
 * overlap in a lane stacked into rows so none hides another. Pure, so it is tested (and timed by
 * bench/timeline.bench.ts) without a page.
 */
export type LaneChoice = 'actor' | 'document';

export interface Lane {
  key: string;
  label: string;
  /** Top of the lane, in px from the axis's top. */
  top: number;
  rows: number;
  height: number;
}

export interface Mark {
  /** Index into the events given. */
  index: number;
  lane: string;
  x: number;
  width: number;
  y: number;
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineLayout {
  lanes: Lane[];
  marks: Mark[];
  ticks: Tick[];
  width: number;
  height: number;
  /** The first day drawn (days since 1970-01-01). */
  from: number;
}

export const ROW_HEIGHT = 16;
export const LANE_GAP = 10;
export const AXIS_HEIGHT = 24;
/** A day is a dot: drawn at least this wide, so it can be seen and clicked. */
const MIN_MARK = 8;
const NO_ACTOR = 'No actor';

/** Lanes in a stable order: actors by name, then documents by title, "No actor" last. */
function lanesOf(events: readonly TimelineEvent[], choice: LaneChoice, actors: readonly TimelineActor[]): Array<{ key: string; label: string }> {
  if (choice === 'document') {
    const titles = new Map<number, string>();
    for (const event of events) titles.set(event.documentId, event.documentTitle);
    return [...titles].sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]).map(([id, title]) => ({ key: `d${id}`, label: title }));
  }
  const used = new Set(events.flatMap((event) => event.actorIds));
  const lanes = actors.filter((actor) => used.has(actor.id)).map((actor) => ({ key: `a${actor.id}`, label: actor.name }));
  if (events.some((event) => event.actorIds.length === 0)) lanes.push({ key: 'none', label: NO_ACTOR });
  return lanes;
}

function laneKeysOf(event: TimelineEvent, choice: LaneChoice): string[] {
  if (choice === 'document') return [`d${event.documentId}`];
  return event.actorIds.length > 0 ? event.actorIds.map((id) => `a${id}`) : ['none'];
}

/** The days the events cover, a little wider on each side so the first and last are not on the edge. */
export function extentOf(events: readonly TimelineEvent[]): { from: number; to: number } {
  if (events.length === 0) return { from: 0, to: 365 };
  let from = Infinity;
  let to = -Infinity;
  for (const event of events) {
    const span = dateSpan(event.date);
    from = Math.min(from, span.from);
    to = Math.max(to, span.to + 1);
  }
  const margin = Math.max(15, (to - from) * 0.03);
  return { from: Math.floor(from - margin), to: Math.ceil(to + margin) };
}

/** How many px a day is for the events to fill `width`. */
export function fittingScale(events: readonly TimelineEvent[], width: number): number {
  const { from, to } = extentOf(events);
  return width / Math.max(1, to - from);
}

const dayDate = (day: number) => new Date(day * 86_400_000);
const dayOf = (year: number, month: number) => Date.UTC(year, month, 1) / 86_400_000;

/** Tick marks at the finest of decades, years, months or days that leaves room for their labels. */
function ticksFor(from: number, to: number, pxPerDay: number): Tick[] {
  const ticks: Tick[] = [];
  const first = dayDate(from);
  const last = dayDate(to);
  const x = (day: number) => (day - from) * pxPerDay;
  if (pxPerDay * 30 >= 56) {
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); dayOf(y, m) <= to; m === 11 ? ((m = 0), y++) : m++) {
      const day = dayOf(y, m);
      if (day >= from) ticks.push({ x: x(day), label: `${MONTH_NAMES[m]!.slice(0, 3)} ${y}` });
    }
    return ticks;
  }
  const step = [1, 2, 5, 10, 20, 50, 100].find((years) => pxPerDay * 365 * years >= 48) ?? 100;
  for (let y = Math.ceil(first.getUTCFullYear() / step) * step; y <= last.getUTCFullYear(); y += step) {
    const day = dayOf(y, 0);
    if (day >= from) ticks.push({ x: x(day), label: String(y) });
  }
  return ticks;
}

export function layoutTimeline(
  events: readonly TimelineEvent[],
  options: { lanes: LaneChoice; actors: readonly TimelineActor[]; pxPerDay: number },
): TimelineLayout {
  const { from, to } = extentOf(events);
  const { pxPerDay } = options;
  const lanes = lanesOf(events, options.lanes, options.actors);
  // Each lane's marks, earliest first, packed greedily into the first row where they fit.
  const byLane = new Map<string, Array<{ index: number; x: number; width: number }>>(lanes.map((lane) => [lane.key, []]));
  events.forEach((event, index) => {
    const span = dateSpan(event.date);
    const x = (span.from - from) * pxPerDay;
    const width = Math.max(MIN_MARK, (span.to + 1 - span.from) * pxPerDay);
    for (const key of laneKeysOf(event, options.lanes)) byLane.get(key)?.push({ index, x, width });
  });
  const marks: Mark[] = [];
  const placed: Lane[] = [];
  let top = AXIS_HEIGHT;
  for (const lane of lanes) {
    const items = byLane.get(lane.key)!.sort((a, b) => a.x - b.x || b.width - a.width);
    const rowEnds: number[] = [];
    for (const item of items) {
      let row = rowEnds.findIndex((end) => end + 2 <= item.x);
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(0);
      }
      rowEnds[row] = item.x + item.width;
      marks.push({ index: item.index, lane: lane.key, x: item.x, width: item.width, y: top + row * ROW_HEIGHT });
    }
    const rows = Math.max(1, rowEnds.length);
    placed.push({ ...lane, top, rows, height: rows * ROW_HEIGHT });
    top += rows * ROW_HEIGHT + LANE_GAP;
  }
  return { lanes: placed, marks, ticks: ticksFor(from, to, pxPerDay), width: Math.ceil((to - from) * pxPerDay), height: top, from };
}
