import type { Snippet } from '../../common/records';

/** Markers FTS5's snippet() puts around matches: control characters no document contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export function toSnippet(marked: string | null): Snippet {
  if (!marked) return [];
  const segments: Snippet = [];
  let rest = marked.replace(/\s+/g, ' ');
  while (rest.length > 0) {
    const open = rest.indexOf(MARK_START);
    if (open === -1) {
      segments.push({ text: rest, mark: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), mark: false });
    const close = rest.indexOf(MARK_END, open);
    const end = close === -1 ? rest.length : close;
    segments.push({ text: rest.slice(open + 1, end), mark: true });
    rest = rest.slice(end + 1);
  }
  return segments;
}
