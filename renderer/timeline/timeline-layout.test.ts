import { describe, expect, it } from 'vitest';
import { precisionOf, type TimelineEvent } from '../../main/common/timeline';
import { AXIS_HEIGHT, extentOf, fittingScale, layoutTimeline, ROW_HEIGHT } from './timeline-layout';

function event(highlightId: number, date: string, actorIds: number[] = [], documentId = 1): TimelineEvent {
  return {
    highlightId,
    documentId,
    documentTitle: `Document ${documentId}`,
    date,
    precision: precisionOf(date),
    confirmed: true,
    found: '',
    source: 'hand',
    relative: false,
    quote: `Passage ${highlightId}`,
    comment: '',
    actorIds,
    reliability: null,
    credibility: null,
  };
}
const actors = [
  { id: 1, name: 'AQIM', colour: '#a3364a' },
  { id: 2, name: 'MNLA', colour: '#2f6f9f' },
];

describe('laying out the timeline', () => {
  it('puts an event in each of its actors’ lanes, and those with none in the last lane', () => {
    const events = [event(1, '2012-01', [1, 2]), event(2, '2013', [2]), event(3, '2012-06-01')];
    const layout = layoutTimeline(events, { lanes: 'actor', actors, pxPerDay: 1 });
    expect(layout.lanes.map((lane) => lane.label)).toEqual(['AQIM', 'MNLA', 'No actor']);
    expect(layout.marks.filter((mark) => mark.index === 0).map((mark) => mark.lane)).toEqual(['a1', 'a2']);
    expect(layout.marks.find((mark) => mark.index === 2)!.lane).toBe('none');
  });

  it('lays time left to right, a month as wide as its days, and stacks what overlaps in a lane', () => {
    const events = [event(1, '2012'), event(2, '2012-03'), event(3, '2014-01-01')];
    const layout = layoutTimeline(events, { lanes: 'document', actors, pxPerDay: 2 });
    const [year, march, day] = [0, 1, 2].map((i) => layout.marks.find((mark) => mark.index === i)!);
    expect(year!.width).toBe(366 * 2);
    expect(march!.width).toBe(31 * 2);
    expect(march!.x).toBeGreaterThan(year!.x);
    expect(day!.x).toBeGreaterThan(year!.x + year!.width);
    // March 2012 lies inside 2012, so it goes on a second row; the 2014 day fits back on the first.
    expect([year!.y, march!.y, day!.y]).toEqual([AXIS_HEIGHT, AXIS_HEIGHT + ROW_HEIGHT, AXIS_HEIGHT]);
    expect(layout.lanes).toMatchObject([{ label: 'Document 1', rows: 2 }]);
  });

  it('ticks years when zoomed out and months when zoomed in, and fits the events to a width', () => {
    const events = [event(1, '2008'), event(2, '2013-12')];
    const scale = fittingScale(events, 800);
    const { from, to } = extentOf(events);
    expect(Math.round((to - from) * scale)).toBe(800);
    expect(layoutTimeline(events, { lanes: 'actor', actors, pxPerDay: scale }).ticks.map((tick) => tick.label)).toEqual([
      '2008', '2009', '2010', '2011', '2012', '2013', '2014',
    ]);
    const close = layoutTimeline([event(1, '2012-01-15')], { lanes: 'actor', actors, pxPerDay: 4 });
    expect(close.ticks.map((tick) => tick.label)).toContain('Jan 2012');
  });
});
