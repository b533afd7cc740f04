/**
 * What documents.replace takes as a newer version of a document whose file has this media type
 * (null: it came as HTML, Markdown or text). The refusal and what documents.parts tells the reader
 * both ask here, so the reader never offers a file the core would turn away.
 *
 * A PDF is replaced only by a PDF: its area highlights and its citations live on pages, which a
 * web page or a book does not have. Anything else may become any file Fieldbook imports.
 */
export function replacementKind(mediaType: string | null): 'pdf' | 'any' {
  return mediaType === 'application/pdf' ? 'pdf' : 'any';
}
