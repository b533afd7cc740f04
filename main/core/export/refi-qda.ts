import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import type { Actor, DocumentSummary, Highlight } from '../../common/records';
import { listActors } from '../actors/actor-repo';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { getDocument } from '../documents/document-repo';
import { codePointOffsets } from '../text/code-points';
import { loadHighlightScope, themesById, type AnnotatedDocument, type ExportTheme } from './export-data';

/**
 * REFI-QDA, the exchange standard of NVivo, ATLAS.ti, MAXQDA and others (QDA-XML 1.0, Project.xsd):
 * a `.qdpx` is a zip of `project.qde` and the sources' text as `sources/<GUID>.txt`, named in the
 * project by `internal://<GUID>.txt`; a `.qdc` is the codebook alone.
 *
 * Codes: the actors, under one "Actors" code that is not itself codable, then the themes with
 * their tree. Each live placed highlight is a PlainTextSelection coded with its actors and themes;
 * its comment is a Note it refers to, and the library's notes are Notes of the project. Positions
 * count Unicode code points, as the standard says, where Fieldbook counts UTF-16 units. Orphaned
 * highlights have no place in the text to give, so they are left out. So are area highlights: a
 * PDF is exported as its text (a TextSource), and the standard's PDFSelection, which could hold
 * an area, belongs to a PDFSource carrying the file itself and places it in whole-number page
 * coordinates, where an area is kept in fractions of a page whose size the library does not know.
 */

export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const ORIGIN = 'Fieldbook';
/** Fieldbook has no accounts: every row was made by the one person whose library it is. */
const USER_NAME = 'Fieldbook user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A GUID for a row: its uid where that is already one (every uid Fieldbook makes), else one derived
 * from it (an archive may carry other uids), so the same row has the same GUID in every export.
 */
export function guidOf(...parts: string[]): string {
  if (parts.length === 1 && UUID.test(parts[0]!)) return parts[0]!.toUpperCase();
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Shaped as a name-based UUID (version 5 bits), so tools that check the form accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

const USER_GUID = guidOf('fieldbook', 'user');
const ACTORS_CODE_GUID = guidOf('fieldbook', 'actors-code');

/** XML 1.0 cannot hold most control characters at all, even escaped; they are dropped. */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(LONE_SURROGATE, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const attr = (value: string) => xmlText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
/** xsd:dateTime; stored times are already ISO 8601 in UTC. */
const dateTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? new Date(0).toISOString() : new Date(iso).toISOString());
const element = (name: string, attributes: Record<string, string | undefined>, children: string[] = []): string => {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${attr(value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
};
const textElement = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;

export interface QdaData {
  documents: Array<AnnotatedDocument & { text: string }>;
  actors: Actor[];
  themes: Map<number, ExportTheme>;
  notes: Array<{ uid: string; title: string; bodyText: string; createdAt: string; updatedAt: string }>;
}

export function loadQdaData(library: Library): QdaData {
  return {
    documents: loadHighlightScope(library, { kind: 'library' }).map((annotated) => ({ ...annotated, text: getDocument(library, annotated.document.id).text })),
    actors: listActors(library),
    themes: themesById(library),
    notes: prepare<[], { uid: string; title: string; bodyText: string; createdAt: string; updatedAt: string }>(
      library.db,
      `SELECT uid, title, body_text AS bodyText, created_at AS createdAt, updated_at AS updatedAt
       FROM notes WHERE deleted_at IS NULL ORDER BY created_at, id`,
    ).all(),
  };
}

const themeGuid = (theme: Pick<ExportTheme, 'uid'>) => guidOf(theme.uid);
const actorGuid = (actor: Pick<Actor, 'uid'>) => guidOf(actor.uid);

/** The codes: "Actors" with every actor under it, then the themes as their tree. */
function codes(data: QdaData): string[] {
  const codeOf = (guid: string, name: string, colour: string, description: string, children: string[], codable = true) =>
    element('Code', { guid, name, isCodable: String(codable), color: /^#[0-9a-f]{6}$/i.test(colour) ? colour : undefined }, [
      ...(description.trim() ? [textElement('Description', description)] : []),
      ...children,
    ]);
  const themes = [...data.themes.values()];
  const themeCode = (theme: ExportTheme): string =>
    codeOf(themeGuid(theme), theme.name, theme.colour, theme.description, themes.filter((t) => t.parentId === theme.id).map(themeCode));
  const list: string[] = [];
  if (data.actors.length > 0) {
    const actorCodes = data.actors.map((actor) => {
      const aliases = actor.aliases.length > 0 ? `Also known as: ${actor.aliases.join('; ')}.` : '';
      return codeOf(actorGuid(actor), actor.name, actor.colour, [`Kind: ${actor.kind}.`, aliases, actor.description].filter(Boolean).join('\n'), []);
    });
    list.push(codeOf(ACTORS_CODE_GUID, 'Actors', '', 'The actors of the Fieldbook library: who a passage is about.', actorCodes, false));
  }
  // A theme whose parent is missing (it cannot be, but a damaged tree must not lose it) stands at the top.
  list.push(...themes.filter((t) => t.parentId === null || !data.themes.has(t.parentId)).map(themeCode));
  return list;
}

function commentNoteGuid(highlight: Highlight): string {
  return guidOf(highlight.uid, 'comment');
}

function selection(document: DocumentSummary, highlight: Highlight, positions: Map<number, number>, data: QdaData, actorsById: Map<number, Actor>): string {
  const codings: string[] = [];
  const coding = (codeGuid: string) =>
    codings.push(
      element('Coding', { guid: guidOf(highlight.uid, codeGuid), creatingUser: USER_GUID, creationDateTime: dateTime(highlight.updatedAt) }, [
        element('CodeRef', { targetGUID: codeGuid }),
      ]),
    );
  for (const id of highlight.actorIds) {
    const actor = actorsById.get(id);
    if (actor) coding(actorGuid(actor));
  }
  for (const id of highlight.themeIds) {
    const theme = data.themes.get(id);
    if (theme) coding(themeGuid(theme));
  }
  const name = highlight.exact.length > 80 ? `${[...highlight.exact].slice(0, 79).join('')}…` : highlight.exact;
  return element(
    'PlainTextSelection',
    {
      guid: guidOf(highlight.uid),
      name,
      startPosition: String(positions.get(highlight.start)),
      endPosition: String(positions.get(highlight.end)),
      creatingUser: USER_GUID,
      creationDateTime: dateTime(highlight.createdAt),
      modifyingUser: USER_GUID,
      modifiedDateTime: dateTime(highlight.updatedAt),
    },
    [...codings, ...(highlight.comment.trim() ? [element('NoteRef', { targetGUID: commentNoteGuid(highlight) })] : [])],
  );
}

export interface QdaProject {
  /** project.qde */
  xml: string;
  /** sources/<GUID>.txt → the document's text */
  sources: Map<string, string>;
}

/** The project document and its sources, for a `.qdpx`; `now` is when it was written. */
export function qdaProject(data: QdaData, now: string, projectName = 'Fieldbook library'): QdaProject {
  const actorsById = new Map(data.actors.map((actor) => [actor.id, actor]));
  const sources = new Map<string, string>();
  const sourceElements: string[] = [];
  const notes: string[] = [];
  const note = (guid: string, name: string, text: string, createdAt: string, updatedAt: string) =>
    element(
      'Note',
      {
        guid,
        name,
        creatingUser: USER_GUID,
        creationDateTime: dateTime(createdAt),
        modifyingUser: USER_GUID,
        modifiedDateTime: dateTime(updatedAt),
      },
      [textElement('PlainTextContent', text)],
    );
  for (const { document, highlights, text } of data.documents) {
    const guid = guidOf(document.uid);
    sources.set(`sources/${guid}.txt`, text);
    const placed = highlights.filter((h) => !h.area && h.status !== 'orphaned' && h.end <= text.length);
    const positions = codePointOffsets(text, placed.flatMap((h) => [h.start, h.end]));
    sourceElements.push(
      element(
        'TextSource',
        {
          guid,
          name: document.title,
          plainTextPath: `internal://${guid}.txt`,
          creatingUser: USER_GUID,
          creationDateTime: dateTime(document.importedAt),
          modifyingUser: USER_GUID,
          modifiedDateTime: dateTime(document.updatedAt),
        },
        [
          ...(document.sourceUrl ? [textElement('Description', `Source: ${document.sourceUrl}`)] : []),
          ...placed.map((h) => selection(document, h, positions, data, actorsById)),
        ],
      ),
    );
    for (const h of placed.filter((each) => each.comment.trim())) {
      notes.push(note(commentNoteGuid(h), `Comment on “${h.exact.length > 40 ? `${[...h.exact].slice(0, 39).join('')}…` : h.exact}”`, h.comment, h.createdAt, h.updatedAt));
    }
  }
  for (const each of data.notes) notes.push(note(guidOf(each.uid), each.title.trim() || 'Untitled', each.bodyText, each.createdAt, each.updatedAt));
  const codeList = codes(data);
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n${element(
    'Project',
    {
      xmlns: QDA_PROJECT_NAMESPACE,
      name: projectName,
      origin: ORIGIN,
      creatingUserGUID: USER_GUID,
      creationDateTime: dateTime(now),
      modifyingUserGUID: USER_GUID,
      modifiedDateTime: dateTime(now),
    },
    [
      element('Users', {}, [element('User', { guid: USER_GUID, name: USER_NAME })]),
      ...(codeList.length > 0 ? [element('CodeBook', {}, [element('Codes', {}, codeList)])] : []),
      ...(sourceElements.length > 0 ? [element('Sources', {}, sourceElements)] : []),
      ...(notes.length > 0 ? [element('Notes', {}, notes)] : []),
      // The library's own notes belong to the project as a whole.
      ...data.notes.map((each) => element('NoteRef', { targetGUID: guidOf(each.uid) })),
    ],
  )}\n`;
  return { xml, sources };
}

/** The `.qdpx` bytes: project.qde and the sources, zipped. */
export function qdpxBytes(project: QdaProject): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(project.xml) };
  for (const [path, text] of project.sources) files[path] = strToU8(text);
  return zipSync(files, { level: 6 });
}

/** The `.qdc`: the codebook alone, for another tool to code with. */
export function qdaCodebook(data: QdaData): string {
  const codeList = codes(data);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('CodeBook', { xmlns: QDA_CODEBOOK_NAMESPACE, origin: ORIGIN }, [
    element('Codes', {}, codeList),
  ])}\n`;
}
