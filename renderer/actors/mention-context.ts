/** A mention with some of the words around it, whitespace runs read as one space. */
export interface MentionContext {
  before: string;
  match: string;
  after: string;
}

/** About `width` characters either side, cut at a word boundary and marked as cut with an ellipsis. */
export function mentionContext(text: string, start: number, end: number, width = 48): MentionContext {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let before = flat(text.slice(Math.max(0, start - width), start));
  let after = flat(text.slice(end, end + width));
  if (start - width > 0) {
    const space = before.indexOf(' ');
    before = `…${space >= 0 && space < width / 2 ? before.slice(space + 1) : before}`;
  }
  if (end + width < text.length) {
    const space = after.lastIndexOf(' ');
    after = `${space > width / 2 ? after.slice(0, space) : after}…`;
  }
  return { before: before.trimStart(), match: flat(text.slice(start, end)), after: after.trimEnd() };
}
