/** Small Markdown and YAML writing helpers shared by the Markdown exports. */

/** Escapes what Markdown (and Obsidian) would read as formatting, links, HTML or math. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~$|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(/^(\s*)>/gm, '$1\\>');
}

/** A code span that survives backticks inside it: the fence is longer than any run within. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function codeFence(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language.replace(/[^\w+-]/g, '')}\n${text}\n${fence}`;
}

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
 * containing `[]|#^`); the label is what the reader sees and is cleaned of the same characters.
 */
export function wikilink(target: string, label?: string, anchor?: string): string {
  const cleanLabel = label === undefined ? undefined : label.replace(/[[\]|\n\r]/g, ' ').replace(/\s+/g, ' ').trim();
  const full = anchor ? `${target}#${anchor}` : target;
  return cleanLabel && cleanLabel !== full ? `[[${full}|${cleanLabel}]]` : `[[${full}]]`;
}

/** A Markdown link destination that tolerates spaces and parentheses. */
export function linkDestination(url: string): string {
  return url.replace(/[\s()<>]/g, (ch) => encodeURIComponent(ch));
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
  JSON.stringify(value).replace(/[\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);

export const colourName = (colour: string): string => colour.charAt(0).toUpperCase() + colour.slice(1);
