/** The sentence a mention is in, split around it. */
export interface MentionSentence {
  before: string;
  match: string;
  after: string;
}

/** Past this many characters either side, the sentence is cut (at a space) and marked with an ellipsis. */
const MOST = 200;

/** A full stop, question or exclamation mark (with any closing quote or bracket) before a space, or a line break. */
const ENDS = /[.!?…]["'”’)\]]*(?=\s)|\n/g;

/**
 * The sentence around `start`–`end` in `text`: from just after the previous sentence's end (or a
 * line break) to the end of this one. An abbreviation's full stop cuts it short, which does no
 * harm: the point is to read the mention in its words, not to parse the grammar.
 */
export function sentenceAround(text: string, start: number, end: number): MentionSentence {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(ENDS)) {
    const stop = match.index + match[0].length;
    if (stop <= start) from = stop;
    else if (match.index >= end) {
      to = match[0] === '\n' ? match.index : stop;
      break;
    }
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let before = flat(text.slice(from, start)).trimStart();
  let after = flat(text.slice(end, to)).trimEnd();
  if (before.length > MOST) {
    const cut = before.slice(-MOST);
    const space = cut.indexOf(' ');
    before = `…${space >= 0 && space < MOST / 2 ? cut.slice(space + 1) : cut}`;
  }
  if (after.length > MOST) {
    const cut = after.slice(0, MOST);
    const space = cut.lastIndexOf(' ');
    after = `${space > MOST / 2 ? cut.slice(0, space) : cut}…`;
  }
  return { before, match: flat(text.slice(start, end)), after };
}
