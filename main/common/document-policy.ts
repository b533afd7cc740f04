/**
 * What a stored document's HTML may hold: tags and attributes for reading, and nothing that runs
 * or loads. The core sanitises to it at import; the renderer sanitises to it again before showing.
 */
export const DOCUMENT_TAGS: readonly string[] = [
  'a', 'abbr', 'article', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];
export const DOCUMENT_ATTRIBUTES: readonly string[] = ['href', 'title', 'alt', 'src', 'id', 'lang', 'dir', 'colspan', 'rowspan', 'datetime'];
/** Links a person may follow (after the app asks); anything else loses its href. */
export const SAFE_LINK = /^(https?:|mailto:|#)/i;
/** The only images a document keeps are inline ones: a remote image would reach the network. */
export const SAFE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;
