import type { Actor, DocumentSummary, Highlight } from '../../common/records';
import type { DocumentPart } from '../../common/document-parts';
import { areaCaptionIn } from '../documents/document-parts';
import { actorPage } from '../actors/actor-page';
import type { Library } from '../db/library';
import { loadHighlightScope } from './export-data';
import { blockQuote, colourName, escapeMarkdown, fieldbookUrl, headingText, markdownLink, plainTextLines } from './markdown-text';
import { standaloneWikilink } from './note-to-markdown';

type DocumentRef = Pick<DocumentSummary, 'id' | 'uid' | 'title'>;

export interface ActorFile {
  actor: Actor;
  /** Every live passage, grouped by document (documents by title, passages in reading order). */
  passages: Array<{ document: DocumentRef; highlights: Highlight[]; /** Its pages, to name an area's. */ parts?: DocumentPart[] }>;
  notes: Array<{ id: number; title: string }>;
  cooccurring: Array<{ actor: Pick<Actor, 'id' | 'name'>; count: number }>;
}

export interface ActorFileLinks {
  actor(actor: Pick<Actor, 'id' | 'name'>): string;
  note(note: { id: number; title: string }): string;
  /** The attribution under a passage. */
  passage(document: DocumentRef, highlight: Highlight): string;
}

export const standaloneActorLinks: ActorFileLinks = {
  actor: (actor) => escapeMarkdown(`@${actor.name}`),
  note: (note) => standaloneWikilink(note.title),
  passage: (document, highlight) => markdownLink(document.title, fieldbookUrl('document', document.uid, highlight.uid)),
};

/**
 * The actor page's notes and co-occurring actors, with all passages rather than the page's
 * first 500: an export is the whole record.
 */
export function loadActorFile(library: Library, actorId: number): ActorFile {
  const page = actorPage(library, actorId);
  return {
    actor: page.actor,
    passages: loadHighlightScope(library, { kind: 'actor', actorId }).map(({ document, highlights, parts }) => ({ document, highlights, parts })),
    notes: page.notes,
    cooccurring: page.cooccurring,
  };
}

export function actorFileMarkdown(file: ActorFile, links: ActorFileLinks): string {
  const { actor } = file;
  const blocks = [`# ${headingText(actor.name)}`];
  const facts = [`- Kind: ${escapeMarkdown(colourName(actor.kind))}`];
  if (actor.aliases.length > 0) facts.push(`- Also known as: ${actor.aliases.map(escapeMarkdown).join(', ')}`);
  blocks.push(facts.join('\n'));
  if (actor.description.trim()) blocks.push(plainTextLines(actor.description.trim()));

  const count = file.passages.reduce((n, group) => n + group.highlights.length, 0);
  blocks.push(`## Passages (${count})`);
  if (count === 0) blocks.push('_No passages are tagged with this actor._');
  for (const { document, highlights, parts = [] } of file.passages) {
    blocks.push(`### ${headingText(document.title)}`);
    for (const highlight of highlights) {
      const shown = highlight.area ? `_${escapeMarkdown(areaCaptionIn(parts, highlight.area))}_` : plainTextLines(highlight.exact);
      const lines = [shown, '', `— ${links.passage(document, highlight)} (${escapeMarkdown(colourName(highlight.colour))})`];
      if (highlight.comment.trim()) lines.push('', plainTextLines(highlight.comment.trim()));
      blocks.push(blockQuote(lines.join('\n')));
    }
  }

  blocks.push(`## Notes mentioning ${headingText(actor.name)} (${file.notes.length})`);
  blocks.push(file.notes.length > 0 ? file.notes.map((note) => `- ${links.note(note)}`).join('\n') : '_No notes mention this actor._');

  if (file.cooccurring.length > 0) {
    blocks.push('## Appears with');
    blocks.push(file.cooccurring.map(({ actor: other, count: n }) => `- ${links.actor(other)} (${n} ${n === 1 ? 'passage' : 'passages'})`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
