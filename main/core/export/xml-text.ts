/**
 * Text as XML 1.0 may hold it, for attributes and elements alike. XML cannot carry most control
 * characters or a lone surrogate even escaped, so those are dropped rather than making a file
 * that Gephi or a validator rejects whole.
 */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
