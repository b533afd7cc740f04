import type { Actor, Highlight } from '../../common/records';
import { areaCaptionIn, highlightCitation } from '../documents/document-parts';
import { themesOf, type AnnotatedDocument, type ExportTheme } from './export-data';
import { documentDetailFacts, passageGradeFact, type CollectionNames } from './document-details-facts';
import { blockQuote, colourName, escapeMarkdown, headingText, linkDestination, plainTextLines, safeLinkUrl } from './markdown-text';

export interface AnnotationsMarkdownOptions {
  actors: Map<number, Pick<Actor, 'id' | 'name'>>;
  /** How a tagged actor is written: `@Name` on its own, a wikilink in the vault. */
  actorLabel?: (actor: Pick<Actor, 'id' | 'name'>) => string;
  /** The codebook, to name each passage's themes; without it they are left out. */
  themes?: Map<number, ExportTheme>;
  /** How a theme is written: its path in the codebook on its own, an Obsidian tag in the vault. */
  themeLabel?: (theme: ExportTheme) => string;
  /** Obsidian block ids (`^uid`) after each passage, so notes can link to the exact highlight. */
  blockIds?: boolean;
  /** To name the document's collections; without it they are left out. */
  collections?: CollectionNames;
}

/** A document's annotations: its facts, then every live passage in reading order, orphans apart. */
export function documentAnnotationsMarkdown({ document, highlights, parts = [] }: AnnotatedDocument, options: AnnotationsMarkdownOptions): string {
  const label = options.actorLabel ?? ((actor) => escapeMarkdown(`@${actor.name}`));
  const blocks = [`# ${headingText(document.title)}`];
  const facts: string[] = [];
  for (const [label, value] of documentDetailFacts(document, options.collections)) facts.push(`- ${label}: ${escapeMarkdown(value)}`);
  if (document.sourceUrl) {
    const url = safeLinkUrl(document.sourceUrl);
    facts.push(`- Source: ${url ? `<${linkDestination(url)}>` : escapeMarkdown(document.sourceUrl)}`);
  }
  if (document.fileName) facts.push(`- File: ${escapeMarkdown(document.fileName)}`);
  facts.push(`- Imported: ${document.importedAt.slice(0, 10)}`);
  blocks.push(facts.join('\n'));

  const placed = highlights.filter((h) => h.status !== 'orphaned');
  const orphans = highlights.filter((h) => h.status === 'orphaned');
  blocks.push(`## Highlights (${placed.length})`);
  if (placed.length === 0) blocks.push('_No highlights._');
  for (const highlight of placed) blocks.push(...passage(highlight, options, label, highlightCitation(parts, highlight), parts));
  if (orphans.length > 0) {
    blocks.push(`## Orphaned highlights (${orphans.length})`);
    blocks.push('_These passages are no longer found in the current version of the document._');
    for (const highlight of orphans) blocks.push(...passage(highlight, options, label, null, parts));
  }
  return `${blocks.join('\n\n')}\n`;
}

function passage(
  highlight: Highlight,
  options: AnnotationsMarkdownOptions,
  label: (actor: Pick<Actor, 'id' | 'name'>) => string,
  citation: string | null,
  parts: AnnotatedDocument['parts'] = [],
): string[] {
  // An area has no words to quote: it is named by its page, and its comment says what it shows.
  const out = [highlight.area ? `_${escapeMarkdown(areaCaptionIn(parts, highlight.area))}_` : blockQuote(plainTextLines(highlight.exact))];
  if (options.blockIds) out.push(`^${highlight.uid}`);
  const details = [`- Colour: ${escapeMarkdown(colourName(highlight.colour))}${highlight.status === 'approximate' ? ' (re-anchored approximately)' : ''}`];
  // Where the passage is in a PDF or EPUB, as a citation gives it: "p. 12", or the chapter.
  if (citation) details.unshift(`- Location: ${escapeMarkdown(citation)}`);
  const actors = highlight.actorIds.map((id) => options.actors.get(id)).filter((a): a is Pick<Actor, 'id' | 'name'> => a !== undefined);
  if (actors.length > 0) details.push(`- Actors: ${actors.map(label).join(', ')}`);
  const themes = themesOf(highlight, options.themes);
  const themeLabel = options.themeLabel ?? ((theme: ExportTheme) => escapeMarkdown(theme.path.join(' › ')));
  if (themes.length > 0) details.push(`- Themes: ${themes.map(themeLabel).join(', ')}`);
  const grade = passageGradeFact(highlight);
  if (grade !== null) details.push(`- Grade: ${escapeMarkdown(grade)}`);
  if (highlight.comment.trim()) details.push(`- Comment: ${plainTextLines(highlight.comment.trim()).replace(/\n/g, '\n  ')}`);
  out.push(details.join('\n'));
  return out;
}
