import type { Highlight, ReplaceReport } from '../../main/common/records';

/** What a quote of a passage says: its words, or for an area (which has none) its comment, else that it is an area. */
export function quotedWords(highlight: Pick<Highlight, 'exact' | 'area' | 'comment'>): string {
  if (!highlight.area) return highlight.exact.trim();
  return highlight.comment.trim() ? `Area highlight: ${highlight.comment.trim()}` : 'Area highlight';
}

/** What a passage is called where it is listed: its words in quotes, or for an area of a PDF's page (which has none), "Area highlight". */
export function passageTitle(highlight: Pick<Highlight, 'exact' | 'area'>, max = 180): string {
  return highlight.area ? 'Area highlight' : `“${cardQuote(highlight.exact, max)}”`;
}

/** A quote for a card: whitespace runs (line breaks between paragraphs) read as one space. */
export function cardQuote(exact: string, max = 180): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Cut at a word boundary when there is one reasonably near the limit.
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?’'"“”-]+$/, '')}…`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What replacing a document did to its highlights, in one sentence a person can check. */
export function describeReplace(fileName: string, report: Pick<ReplaceReport, 'exact' | 'approximate' | 'orphaned'>): string {
  const total = report.exact + report.approximate + report.orphaned;
  if (total === 0) return `Replaced with ${fileName}. It had no highlights.`;
  const parts = [
    report.exact > 0 && `${report.exact} placed exactly`,
    report.approximate > 0 && `${report.approximate} placed approximately`,
    report.orphaned > 0 && `${report.orphaned} orphaned`,
  ].filter(Boolean);
  return `Replaced with ${fileName}. ${count(total, 'highlight', 'highlights')}: ${parts.join(', ')}.`;
}
