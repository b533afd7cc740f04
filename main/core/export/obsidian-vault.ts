import type { Actor, ArchivedFileReference, Collection, Highlight, OriginalFiles } from '../../common/records';
import { listCollections } from '../collections/collection-repo';
import { collectionNames, obsidianTag } from './document-details-facts';
import { listActors } from '../actors/actor-repo';
import type { Library } from '../db/library';
import { actorFileMarkdown, type ActorFile, type ActorFileLinks } from './actor-file-markdown';
import { documentAnnotationsMarkdown } from './document-annotations-markdown';
import { loadHighlightScope, themesById, type AnnotatedDocument, type ExportTheme } from './export-data';
import { escapeMarkdown, frontMatter, safeLinkUrl, wikilink } from './markdown-text';
import { noteReferences } from '../../common/note-format';
import { listLiveNotesForExport, type ExportNote } from './note-references';
import { noteToMarkdown, type MarkdownLinker } from './note-to-markdown';
import { FileNameAllocator } from './safe-file-name';
import { targetOf } from '../notes/reference-targets';
import {
  ATTACHMENTS_FOLDER,
  loadFileReferences,
  loadOriginals,
  nameAttachments,
  originalFileSection,
  referredFileSection,
  type DocumentOriginal,
} from './vault-attachments';

/** Notes are text; a PDF or EPUB attachment is its bytes in base64. Paths are '/'-separated inside the vault folder. */
export interface VaultFile {
  path: string;
  content: string;
  encoding?: 'base64';
}

export const VAULT_FOLDERS = { notes: 'Notes', documents: 'Documents', actors: 'Actors', attachments: ATTACHMENTS_FOLDER } as const;

/**
 * The library as an Obsidian vault. Base names are unique across the whole vault (up to case),
 * so a bare `[[name]]` finds exactly one file wherever Obsidian looks; passages carry block ids
 * so a quoted highlight links to its very paragraph. Deleted notes and highlights stay out. A PDF
 * or EPUB comes along as its file, its whole name unique in the vault too (see vault-attachments.ts).
 */
export function obsidianVault(library: Library, originals: OriginalFiles = 'include'): VaultFile[] {
  const documents = loadHighlightScope(library, { kind: 'library' });
  return buildVault(
    documents,
    listActors(library),
    listLiveNotesForExport(library),
    listCollections(library),
    themesById(library),
    originals === 'include' ? loadOriginals(library, documents.map((d) => d.document.id)) : new Map(),
    originals === 'refer' ? loadFileReferences(library, documents.map((d) => d.document)) : new Map(),
  );
}

export function buildVault(
  documents: AnnotatedDocument[],
  actors: Actor[],
  notes: ExportNote[],
  collections: Collection[] = [],
  themes: Map<number, ExportTheme> = new Map(),
  originals: ReadonlyMap<number, DocumentOriginal> = new Map(),
  /** Files named but not carried, when the person chose a vault that refers to them. */
  references: ReadonlyMap<number, ArchivedFileReference> = new Map(),
): VaultFile[] {
  const collectionName = collectionNames(collections);
  const names = new FileNameAllocator();
  const actorFile = new Map(actors.map((a) => [a.id, names.allocate(a.name)]));
  const documentFile = new Map(documents.map((d) => [d.document.id, names.allocate(d.document.title)]));
  const noteFile = new Map(notes.map((n) => [n.id, names.allocate(n.title)]));
  const attachments = nameAttachments(documents.map((d) => d.document), originals, names);

  const actorById = new Map(actors.map((a) => [a.id, a]));
  // Bodies name what they refer to by uid; a merged actor's mentions name one of the kept actor's former uids.
  const actorByUid = new Map(actors.flatMap((a) => [a.uid, ...a.formerUids].map((uid) => [uid, a] as const)));
  const noteByUid = new Map(notes.map((n) => [n.uid, n]));
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const highlightByUid = new Map<string, Highlight>();
  for (const { highlights } of documents) for (const h of highlights) highlightByUid.set(h.uid, h);
  const documentById = new Map(documents.map((d) => [d.document.id, d.document]));
  const documentByUid = new Map(documents.map((d) => [d.document.uid, d.document]));

  const actorLink = (actor: Pick<Actor, 'id' | 'name'>) => {
    const file = actorFile.get(actor.id);
    return file ? wikilink(file, actor.name) : escapeMarkdown(`@${actor.name}`);
  };
  const noteLink = (note: ExportNote | undefined, fallback: string) => {
    const file = note === undefined ? undefined : noteFile.get(note.id);
    const title = note?.title ?? fallback;
    return file ? wikilink(file, title.trim() || 'Untitled') : escapeMarkdown(title.trim() || 'Untitled');
  };
  const linker: MarkdownLinker = {
    note: (uid, savedTitle) => noteLink(targetOf(noteByUid, uid), savedTitle),
    actor: (uid, savedName) => {
      const actor = targetOf(actorByUid, uid);
      return actor ? actorLink(actor) : escapeMarkdown(`@${savedName}`);
    },
    quoteSource: (highlightUid, documentUid, savedTitle) => {
      const highlight = targetOf(highlightByUid, highlightUid);
      const document = highlight ? documentById.get(highlight.documentId) : targetOf(documentByUid, documentUid);
      const file = document === undefined ? undefined : documentFile.get(document.id);
      if (!document || !file) return escapeMarkdown(savedTitle || 'Unknown document');
      return wikilink(file, document.title, highlight ? `^${highlight.uid}` : undefined);
    },
  };

  const files: VaultFile[] = [];
  for (const note of notes) {
    const head = frontMatter({ id: note.uid, type: 'note', title: note.title, created: note.createdAt, updated: note.updatedAt });
    files.push({ path: `${VAULT_FOLDERS.notes}/${noteFile.get(note.id)}.md`, content: `${head}\n\n${noteToMarkdown(note, linker)}` });
  }
  for (const annotated of documents) {
    const { document } = annotated;
    const head = frontMatter({
      id: document.uid,
      type: 'document',
      title: document.title,
      // Obsidian shows a URL property as a link; one that could run something stays in the body as text.
      source: (document.sourceUrl && safeLinkUrl(document.sourceUrl)) ?? undefined,
      byline: document.byline ?? undefined,
      authors: document.authors.length > 0 ? document.authors : undefined,
      published: document.published ?? undefined,
      publisher: document.publisher ?? undefined,
      language: document.language ?? undefined,
      citation: document.citation ?? undefined,
      // Obsidian's own tags property: each a tag it can search and list.
      tags: document.tags.length > 0 ? [...new Set(document.tags.map(obsidianTag))] : undefined,
      // The Admiralty grade (admiralty.ts), each half a property Obsidian can filter on.
      reliability: document.reliability ?? undefined,
      credibility: document.credibility ?? undefined,
      collections: document.collectionIds.length > 0 ? document.collectionIds.map((id) => collectionName.get(id)).filter((n): n is string => n !== undefined) : undefined,
      file: document.fileName ?? undefined,
      format: document.format,
      created: document.importedAt,
      updated: document.updatedAt,
      highlights: annotated.highlights.length,
    });
    const body = documentAnnotationsMarkdown(annotated, {
      actors: actorById,
      actorLabel: actorLink,
      themes,
      themeLabel: themeTag,
      blockIds: true,
      collections: collectionName,
    });
    const attachment = attachments.get(document.id);
    const reference = references.get(document.id);
    const original = attachment ? `\n${originalFileSection(attachment)}` : reference ? `\n${referredFileSection(reference)}` : '';
    files.push({ path: `${VAULT_FOLDERS.documents}/${documentFile.get(document.id)}.md`, content: `${head}\n\n${body}${original}` });
  }
  for (const attachment of attachments.values()) {
    files.push({
      path: `${VAULT_FOLDERS.attachments}/${attachment.name}`,
      content: Buffer.from(attachment.bytes.buffer, attachment.bytes.byteOffset, attachment.bytes.byteLength).toString('base64'),
      encoding: 'base64',
    });
  }

  const mentionedBy = notesMentioningActors(notes, actorByUid);
  const links: ActorFileLinks = {
    actor: actorLink,
    note: (note) => noteLink(noteById.get(note.id), note.title),
    passage: (document, highlight) => wikilink(documentFile.get(document.id)!, document.title, `^${highlight.uid}`),
  };
  for (const actor of actors) {
    const head = frontMatter({ id: actor.uid, type: 'actor', kind: actor.kind, aliases: actor.aliases, created: actor.createdAt, updated: actor.updatedAt });
    const file = actorFileFromMemory(actor, documents, mentionedBy.get(actor.id) ?? [], actorById);
    files.push({ path: `${VAULT_FOLDERS.actors}/${actorFile.get(actor.id)}.md`, content: `${head}\n\n${actorFileMarkdown(file, links)}` });
  }
  return files;
}

function notesMentioningActors(notes: ExportNote[], actorByUid: Map<string, Actor>): Map<number, ExportNote[]> {
  const byActor = new Map<number, ExportNote[]>();
  const newestFirst = [...notes].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  for (const note of newestFirst) {
    // A note that mentions an actor under two uids (its own and a merged one's) is listed once.
    const actorIds = new Set<number>();
    for (const ref of noteReferences(note.body.root)) {
      const actor = ref.kind === 'actor' ? actorByUid.get(ref.uid) : undefined;
      if (actor) actorIds.add(actor.id);
    }
    for (const actorId of actorIds) {
      const list = byActor.get(actorId) ?? [];
      list.push(note);
      byActor.set(actorId, list);
    }
  }
  return byActor;
}

/** The actor page computed from what the vault already holds, instead of three queries per actor. */
function actorFileFromMemory(actor: Actor, documents: AnnotatedDocument[], notes: ExportNote[], actorById: Map<number, Actor>): ActorFile {
  const passages: ActorFile['passages'] = [];
  const together = new Map<number, number>();
  for (const { document, highlights } of documents) {
    const tagged = highlights.filter((h) => h.actorIds.includes(actor.id));
    if (tagged.length > 0) passages.push({ document, highlights: tagged });
    for (const h of tagged) for (const other of h.actorIds) if (other !== actor.id) together.set(other, (together.get(other) ?? 0) + 1);
  }
  const cooccurring = [...together]
    .map(([id, count]) => ({ actor: actorById.get(id)!, count }))
    .filter((c) => c.actor !== undefined)
    .sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name, undefined, { sensitivity: 'base' }));
  return { actor, passages, notes: notes.map((n) => ({ id: n.id, title: n.title })), cooccurring };
}

/** A theme as an Obsidian nested tag, its path in the codebook: `#Violence/Financing`, which Obsidian lists under `#Violence`. */
function themeTag(theme: ExportTheme): string {
  return `#${theme.path.map(obsidianTag).join('/')}`;
}
