import type { Snippet } from '../../main/common/records';

/**
 * A snippet as it is shown on one line: line breaks and runs of spaces read as one space, empty
 * pieces dropped, neighbours with the same marking joined (so a marked word is one <mark>), and
 * no space at either end.
 */
export function snippetPieces(snippet: Snippet): Snippet {
  const pieces: Snippet = [];
  for (const piece of snippet) {
    const text = piece.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const last = pieces.at(-1);
    if (last && last.mark === piece.mark) last.text = (last.text + text).replace(/ {2,}/g, ' ');
    else pieces.push({ text, mark: piece.mark });
  }
  const first = pieces[0];
  if (first) first.text = first.text.trimStart();
  const last = pieces.at(-1);
  if (last) last.text = last.text.trimEnd();
  return pieces.filter((piece) => piece.text !== '');
}

/** The snippet's words, for comparing it with a title or name it may only repeat. */
export const snippetText = (snippet: Snippet): string =>
  snippetPieces(snippet)
    .map((piece) => piece.text)
    .join('');
