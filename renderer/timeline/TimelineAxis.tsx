import { useEffect, useMemo, useRef, useState } from 'react';
import { gradeText } from '../../main/common/admiralty';
import { formatEventDate, type Timeline } from '../../main/common/timeline';
import { navigate } from '../route';
import { AXIS_HEIGHT, fittingScale, layoutTimeline, type LaneChoice } from './timeline-layout';

const LABEL_WIDTH = 160;

/**
 * The events drawn on a time axis, one lane per actor or per document, in SVG. Zoomed in, the
 * drawing grows wider than its box and scrolls sideways. The Events table beside it says the
 * same for the keyboard and screen readers, so the drawing is one image with a summary; a mark
 * clicked opens its passage. A mark's shade says its source's reliability: the more reliable, the
 * darker.
 */
export function TimelineAxis({ timeline, lanes, zoom }: { timeline: Timeline; lanes: LaneChoice; zoom: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(800);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setBoxWidth(Math.max(200, element.clientWidth - LABEL_WIDTH - 16)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const layout = useMemo(
    () => layoutTimeline(timeline.events, { lanes, actors: timeline.actors, pxPerDay: fittingScale(timeline.events, boxWidth) * zoom }),
    [timeline, lanes, boxWidth, zoom],
  );
  const first = timeline.events[0];
  const last = timeline.events.at(-1);
  const summary = `The timeline drawn: ${timeline.events.length} ${timeline.events.length === 1 ? 'event' : 'events'} in ${layout.lanes.length} ${
    layout.lanes.length === 1 ? 'lane' : 'lanes'
  } (${layout.lanes.map((lane) => lane.label).join(', ')})${first && last ? `, from ${formatEventDate(first.date)} to ${formatEventDate(last.date)}` : ''}.`;

  return (
    <div className="timeline-drawing" ref={box}>
      <div className="timeline-lane-labels" aria-hidden="true" style={{ width: LABEL_WIDTH, height: layout.height }}>
        {layout.lanes.map((lane) => (
          <div key={lane.key} className="timeline-lane-label" style={{ top: lane.top, height: lane.height }} title={lane.label}>
            {lane.label}
          </div>
        ))}
      </div>
      {/* Focusable so that, zoomed in, the arrow keys scroll it sideways. */}
      <div className="timeline-scroll" tabIndex={0} role="group" aria-label="Time axis (scrolls sideways when zoomed in)">
        <svg role="img" aria-label={summary} width={layout.width} height={layout.height} className="timeline-svg">
          {layout.lanes.map((lane, i) => (
            <rect key={lane.key} x={0} y={lane.top - 4} width={layout.width} height={lane.height + 8} className={i % 2 ? 'timeline-lane timeline-lane-odd' : 'timeline-lane'} />
          ))}
          {layout.ticks.map((tick) => (
            <g key={tick.x}>
              <line x1={tick.x} x2={tick.x} y1={AXIS_HEIGHT - 6} y2={layout.height} className="timeline-tick" />
              <text x={tick.x + 3} y={AXIS_HEIGHT - 10} className="timeline-tick-label">
                {tick.label}
              </text>
            </g>
          ))}
          {layout.marks.map((mark) => {
            const event = timeline.events[mark.index]!;
            const grade = gradeText(event.reliability, event.credibility);
            return (
              <rect
                key={`${mark.index}-${mark.lane}`}
                x={mark.x}
                y={mark.y + 2}
                width={mark.width}
                height={12}
                rx={mark.width <= 8 ? 6 : 2}
                className="timeline-mark"
                data-reliability={event.reliability ?? 'none'}
                onClick={() => navigate({ kind: 'document', id: event.documentId, highlightId: event.highlightId })}
              >
                <title>{`${formatEventDate(event.date)}: “${event.quote}” (${event.documentTitle}${grade ? `, ${grade}` : ''})`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
