import type { LinkParagraph } from '../../main/common/network';
import { consecutiveGroups } from '../lists/consecutive-groups';
import { hashForRoute } from '../route';

/** The excerpt with its mentions marked, as text and <mark> pieces. */
function markedExcerpt({ excerpt, marks }: LinkParagraph) {
  const pieces = [];
  let at = 0;
  for (const [index, mark] of marks.entries()) {
    if (mark.start > at) pieces.push(excerpt.slice(at, mark.start));
    pieces.push(<mark key={index}>{excerpt.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  if (at < excerpt.length) pieces.push(excerpt.slice(at));
  return pieces;
}

/** The paragraphs that name both actors of a link, under their documents; each opens the document there. */
export function LinkParagraphs({ paragraphs, total }: { paragraphs: readonly LinkParagraph[]; total: number }) {
  return (
    <>
      {paragraphs.length < total && <p className="actor-page-note">Showing the first {paragraphs.length} of {total} paragraphs.</p>}
      {consecutiveGroups(paragraphs, (paragraph) => paragraph.documentId).map((group) => (
        <div key={group.key} className="actor-passage-group">
          <h3 className="actor-passage-document">{group.first.documentTitle}</h3>
          <ol className="actor-mentions">
            {group.items.map((paragraph) => (
              <li key={paragraph.start} className="actor-mention">
                <a href={hashForRoute({ kind: 'document', id: paragraph.documentId, at: { start: paragraph.start, end: paragraph.end } })}>
                  {markedExcerpt(paragraph)}
                </a>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
