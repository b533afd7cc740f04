/** Small Markdown and YAML writing helpers shared by the Markdown exports. */

/** Escapes what Markdown (and Obsidian) would read as formatting, links, HTML or math. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~$|]/g, (ch) => `\\${ch}`)
    // An entity would show as the character it names, so `&lt;` typed by the user stays `&lt;`.
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // Viewers turn a bare address into a link (GFM autolinks) that runs on over what follows, a
    // code span's backtick included, whose contents then become live Markdown. A scheme starts
    // where a run of its characters starts: tried from inside the run too, a 70,000-letter word
    // (a pasted blob) cost seconds.
    .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/(?<=[\w.+-])@(?=[\w-]+\.)/g, '\\@')
    // A line may not open a heading (`#`, `## x`, or `===`/`---` under a line), a list or a rule.
    // Only punctuation can be escaped (a backslash before `1` would show), so a number keeps it for its dot.
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)>/gm, '$1\\>')
    // Templater runs `<% … %>` found anywhere in a new file's raw text, a backslash before it or not.
    .replace(/\\<(?=%)/g, '&lt;')
    // Obsidian hides everything between two `%%` as a comment.
    .replace(/%(?=%)/g, '%\\');
}

/** A code span that survives backticks inside it: the fence is longer than any run within. */
export function codeSpan(text: string): string {
  // A line break inside could end the paragraph, and the code span with it, leaving the rest as raw Markdown.
  text = text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Whether inline code would be run by an Obsidian plugin rather than shown: Dataview evaluates
 * inline code starting with `=` (a query) or `$=` (JavaScript), and Templater runs `<% … %>`
 * wherever it appears. Such text is exported as plain text, which no plugin evaluates.
 */
export const isLiveInlineCode = (text: string): boolean => /^\s*\$?=/.test(text) || text.includes('<%');

/**
 * Languages a fenced block may be tagged with: ones a viewer highlights. Any other tag may name a
 * plugin that runs the block (`dataview`, `dataviewjs`, `tasks`, `mermaid`…), so it is left out.
 */
const CODE_LANGUAGES = new Set(
  ('bash c cpp csharp css diff go html ini java javascript js json jsx kotlin latex lua markdown md objc perl php plain ' +
    'plaintext powershell py python r ruby rust scss sh shell sql swift text toml ts tsx typescript xml yaml yml').split(' '),
);

export function codeFence(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const tag = CODE_LANGUAGES.has(language.trim().toLowerCase()) ? language.trim().toLowerCase() : '';
  return `${fence}${tag}\n${text}\n${fence}`;
}

/** A heading's text: on one line, since a line break would end the heading and start a new block. */
export const headingText = (text: string): string => keepClosingHashes(escapeMarkdown(text.replace(/\s+/g, ' ').trim()));

/** A heading's Markdown whose trailing `#`s, after a space, would close the heading and vanish from it. */
export const keepClosingHashes = (markdown: string): string => markdown.replace(/(\s)(#+)$/, '$1\\$2');

/** Prefixes every line, blank ones included, so a multi-line block stays inside a quote. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
}

/** Plain text as Markdown lines, its line breaks kept as hard breaks. */
export function plainTextLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeMarkdown(line))
    .join('\\\n');
}

/**
 * A link to another file of the vault. The target is a file base name we generated (never
 * containing `[]|#^<>:`); the label is what the reader sees. A wikilink's label is not Markdown
 * to Obsidian but is to any other viewer, so a label that such a viewer could read as HTML, an
 * entity, code or an address (or Obsidian as a comment) is left out and the file name shows instead.
 */
export function wikilink(target: string, label?: string, anchor?: string): string {
  const cleanLabel = label === undefined ? undefined : label.replace(/[[\]|\n\r]/g, ' ').replace(/\s+/g, ' ').trim();
  const full = anchor ? `${target}#${anchor}` : target;
  const safeLabel = cleanLabel && !/[<>`\\&$@]|:\/\/|www\.|%%/i.test(cleanLabel) ? cleanLabel : undefined;
  return safeLabel && safeLabel !== full ? `[[${full}|${safeLabel}]]` : `[[${full}]]`;
}

/**
 * The words of a link, as plain text. Backslash escapes are not enough here: some viewers
 * (marked among them) unescape a link's text before reading it again, which would bring back an
 * escaped `![x](…)` as an image, so every character that means something is a numeric entity.
 */
export function linkLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]()<>!~$|&%]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\./gi, '$1&#46;')
    .replace(/(?<=[\w.+-])@(?=[\w-]+\.)/g, '&#64;');
}

/** A Markdown link; the URL must already be one that may be followed (safeLinkUrl, or one we made). */
export const markdownLink = (label: string, url: string): string => `[${linkLabel(label) || linkLabel(url)}](${linkDestination(url)})`;

/** Schemes a link may keep: following them opens a page or a mail, never runs anything. */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  return /^(https?|mailto):/i.test(trimmed) ? trimmed : null;
}

/**
 * A Markdown link destination that ends where it should: every character that could close it,
 * open another construct (a code span, raw HTML, an autolink) or break its line is
 * percent-encoded, which leaves the address it names the same. encodeURIComponent alone keeps
 * `(`, `)` and `'`, so a `)` in a URL would end the link early and let the rest become an image.
 */
export function linkDestination(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return url.replace(/[\u0000-\u0020\u007f-\u00a0\u2028\u2029()<>[\]\\`"'|{}^]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
  });
}

export function fieldbookUrl(kind: 'document' | 'note' | 'actor', uid: string, fragment?: string): string {
  return `fieldbook://${kind}/${encodeURIComponent(uid)}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}

type YamlValue = string | number | boolean | null | readonly string[];

/**
 * YAML front matter with every string double-quoted: a JSON string is a valid YAML
 * double-quoted scalar, so titles like `no`, `1.0` or `: x` keep their meaning.
 */
export function frontMatter(fields: Record<string, YamlValue | undefined>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${key}: []`);
      else lines.push(`${key}:`, ...value.map((item: string) => `  - ${yamlString(item)}`));
    } else {
      lines.push(`${key}: ${typeof value === 'string' ? yamlString(value) : String(value)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

/** YAML 1.1 readers take U+2028/9 as line breaks, so they are escaped too. */
export const yamlString = (value: string): string =>
  JSON.stringify(value).replace(/[\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`)
    // A viewer that does not know front matter shows it as Markdown: no tag, entity, code, link or
    // Obsidian comment may start in it.
    .replace(/[<>&[\]`]|%(?=%)/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const colourName = (colour: string): string => colour.charAt(0).toUpperCase() + colour.slice(1);
