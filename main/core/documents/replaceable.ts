/**
 * Whether a document whose file has this media type (null: it came as HTML, Markdown or text) may
 * be replaced by a newer version. The refusal and what documents.parts tells the reader both ask
 * here, so the reader never offers what the core would turn away.
 *
 * A PDF's pages are drawn from its file and count in its present text: until a newer PDF's
 * highlights are re-anchored page by page, new text under them would cite the wrong page. A book
 * is replaced whole, its chapters with it.
 */
export function isReplaceable(mediaType: string | null): boolean {
  return mediaType !== 'application/pdf';
}
