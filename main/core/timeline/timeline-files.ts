import { gradeCode } from '../../common/admiralty';
import type { ExportedFile } from '../../common/records';
import { formatEventDate, type Timeline, type TimelineEvent } from '../../common/timeline';
import { csvField } from '../export/highlights-csv';
import { escapeMarkdown } from '../export/markdown-text';

const actorNames = (timeline: Timeline, event: TimelineEvent) => {
  const names = new Map(timeline.actors.map((actor) => [actor.id, actor.name]));
  return event.actorIds.map((id) => names.get(id) ?? '').filter((name) => name !== '');
};

/**
 * The timeline as a spreadsheet, one event a line, earliest first. The date column is the
 * machine's ("2012-01", sortable), the next one a person's ("January 2012"); every text goes
 * through the CSV guard, so a passage starting "=" stays text in Excel.
 */
export function timelineCsv(timeline: Timeline, options: { bom?: boolean } = {}): string {
  const lines = [['Date', 'Precision', 'Date in words', 'Passage', 'Comment', 'Document', 'Actors', 'Grade', 'Read from', 'Highlight id', 'Document id'].join(',')];
  for (const event of timeline.events) {
    lines.push(
      [
        event.date,
        event.precision,
        formatEventDate(event.date),
        event.quote,
        event.comment,
        event.documentTitle,
        actorNames(timeline, event).join('; '),
        gradeCode(event.reliability, event.credibility),
        event.found,
        String(event.highlightId),
        String(event.documentId),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** The timeline as a Markdown list under a heading: the date in bold, the passage quoted, where it is from. */
export function timelineMarkdown(timeline: Timeline): string {
  const lines = ['# Timeline', ''];
  if (timeline.events.length === 0) lines.push('No dated passages.');
  for (const event of timeline.events) {
    const grade = gradeCode(event.reliability, event.credibility);
    const actors = actorNames(timeline, event);
    const from = `*${escapeMarkdown(event.documentTitle)}*${grade ? ` (${grade})` : ''}`;
    lines.push(`- **${escapeMarkdown(formatEventDate(event.date))}**: “${escapeMarkdown(event.quote.replace(/\s+/g, ' '))}” ${from}`);
    if (actors.length > 0) lines.push(`  Actors: ${actors.map(escapeMarkdown).join(', ')}`);
    if (event.comment.trim() !== '') lines.push(`  Comment: ${escapeMarkdown(event.comment.replace(/\s+/g, ' '))}`);
  }
  return `${lines.join('\n')}\n`;
}

export function timelineFile(timeline: Timeline, format: 'csv' | 'markdown', options: { bom?: boolean } = {}): ExportedFile {
  return format === 'csv'
    ? { fileName: 'Timeline.csv', mediaType: 'text/csv; charset=utf-8; header=present', content: timelineCsv(timeline, { bom: options.bom ?? true }) }
    : { fileName: 'Timeline.md', mediaType: 'text/markdown; charset=utf-8', content: timelineMarkdown(timeline) };
}
