import { domWindow } from './dom-window';
import { refusal } from './qdpx-archive';

/**
 * project.qde (QDA-XML 1.0, Project.xsd) read into what Fieldbook can hold: the codebook, the text
 * sources with their plain-text selections, and the notes; and, by name, what it cannot (sources
 * that are not text, their selections, sets, cases, graphs, links, variables). Parsed by jsdom's
 * XML parser (saxes), which is strict: a file that is not well-formed XML is refused whole.
 */

export interface QdaCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** #rrggbb, or null where the project gives none or one that is not a colour. */
  colour: string | null;
  description: string;
  children: QdaCode[];
}

export interface QdaTextSelection {
  guid: string;
  name: string;
  /** Counted in Unicode code points from the source's first character, as the standard says. */
  start: number;
  end: number;
  codeGuids: string[];
  noteGuids: string[];
  description: string;
}

export interface QdaTextSource {
  guid: string;
  name: string;
  /** `internal://…` for a file in the zip; other schemes point outside it. */
  plainTextPath: string | null;
  plainTextContent: string | null;
  description: string;
  selections: QdaTextSelection[];
}

export interface QdaNote {
  guid: string;
  name: string;
  text: string;
}

/** Something the project holds that Fieldbook does not, named so the person knows it was left out. */
export interface QdaLeftOut {
  kind: string;
  name: string;
  reason: string;
}

export interface QdaProject {
  name: string;
  origin: string;
  codes: QdaCode[];
  textSources: QdaTextSource[];
  notes: Map<string, QdaNote>;
  leftOut: QdaLeftOut[];
}

/** Deeper than any codebook is built; deeper is a hostile file, not a codebook. */
const MAX_CODE_DEPTH = 100;
const NO_DTD = /<!DOCTYPE/i;

const NOT_TEXT_SOURCES: Record<string, { kind: string; selection: string }> = {
  PictureSource: { kind: 'image', selection: 'image region selection' },
  PDFSource: { kind: 'PDF', selection: 'PDF region selection' },
  AudioSource: { kind: 'audio source', selection: 'audio selection' },
  VideoSource: { kind: 'video source', selection: 'video selection' },
};
const SELECTION_ELEMENTS = new Set(['PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'PlainTextSelection']);

/** What the project's other parts are, for the report of what was left out. */
const OTHER_PARTS: Record<string, { container: string; kind: string }> = {
  Set: { container: 'Sets', kind: 'set' },
  Case: { container: 'Cases', kind: 'case' },
  Graph: { container: 'Graphs', kind: 'graph' },
  Link: { container: 'Links', kind: 'link' },
  Variable: { container: 'Variables', kind: 'variable' },
};

export function parseQdaProject(fileName: string, xml: string): QdaProject {
  // A project needs no DTD; refusing one keeps entity expansion (billion laughs) out entirely. Only
  // the prolog can hold one: the same words in a note's CDATA further on are text.
  if (NO_DTD.test(xml.slice(0, Math.max(0, xml.search(/<[A-Za-z_]/))))) throw refusal(fileName, 'its project.qde declares a DTD, which a REFI-QDA project never needs');
  const document = new (domWindow().DOMParser)().parseFromString(xml, 'application/xml');
  const root = document.documentElement;
  if (root.localName === 'parsererror') throw refusal(fileName, `its project.qde is not well-formed XML (${root.textContent?.trim() ?? 'unreadable'})`);
  if (root.localName !== 'Project') throw refusal(fileName, `its project.qde holds a <${root.localName}>, not a REFI-QDA <Project>`);
  const leftOut: QdaLeftOut[] = [];
  const project: QdaProject = {
    name: attr(root, 'name'),
    origin: attr(root, 'origin'),
    codes: children(child(child(root, 'CodeBook'), 'Codes'), 'Code').map((code) => readCode(fileName, code, 1)),
    textSources: [],
    notes: new Map(children(child(root, 'Notes'), 'Note').map((note) => [attr(note, 'guid'), readNote(note)])),
    leftOut,
  };
  for (const source of children(child(root, 'Sources'))) {
    if (source.localName === 'TextSource') {
      project.textSources.push(readTextSource(source));
      continue;
    }
    const what = NOT_TEXT_SOURCES[source.localName] ?? { kind: source.localName, selection: 'selection' };
    const selections = [...source.getElementsByTagName('*')].filter((el) => SELECTION_ELEMENTS.has(el.localName)).length;
    leftOut.push({
      kind: what.kind,
      name: attr(source, 'name') || attr(source, 'guid'),
      reason: `Fieldbook holds text only${selections === 0 ? '' : selections === 1 ? `; its one ${what.selection} was left out` : `; its ${selections} ${what.selection}s were left out`}`,
    });
  }
  for (const [element, { container, kind }] of Object.entries(OTHER_PARTS)) {
    // Sets may sit in the codebook as well as in the project.
    const containers = [...children(root, container), ...children(child(root, 'CodeBook'), container)];
    for (const part of containers.flatMap((el) => children(el, element))) {
      leftOut.push({ kind, name: attr(part, 'name') || attr(part, 'guid'), reason: `Fieldbook has no ${kind}s` });
    }
  }
  return project;
}

function readCode(fileName: string, element: Element, depth: number): QdaCode {
  if (depth > MAX_CODE_DEPTH) throw refusal(fileName, `its codes are nested more than ${MAX_CODE_DEPTH} deep`);
  const colour = attr(element, 'color');
  return {
    guid: attr(element, 'guid'),
    name: attr(element, 'name'),
    isCodable: attr(element, 'isCodable') !== 'false',
    colour: /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : null,
    description: child(element, 'Description')?.textContent ?? '',
    children: children(element, 'Code').map((code) => readCode(fileName, code, depth + 1)),
  };
}

function readTextSource(element: Element): QdaTextSource {
  return {
    guid: attr(element, 'guid'),
    name: attr(element, 'name'),
    plainTextPath: element.getAttribute('plainTextPath'),
    plainTextContent: child(element, 'PlainTextContent')?.textContent ?? null,
    description: child(element, 'Description')?.textContent ?? '',
    selections: children(element, 'PlainTextSelection').map(readSelection),
  };
}

function readSelection(element: Element): QdaTextSelection {
  return {
    guid: attr(element, 'guid'),
    name: attr(element, 'name'),
    start: position(attr(element, 'startPosition')),
    end: position(attr(element, 'endPosition')),
    codeGuids: children(element, 'Coding').flatMap((coding) => children(coding, 'CodeRef').map((ref) => attr(ref, 'targetGUID'))),
    noteGuids: children(element, 'NoteRef').map((ref) => attr(ref, 'targetGUID')),
    description: child(element, 'Description')?.textContent ?? '',
  };
}

function readNote(element: Element): QdaNote {
  return { guid: attr(element, 'guid'), name: attr(element, 'name'), text: child(element, 'PlainTextContent')?.textContent ?? '' };
}

/** xsd:integer, non-negative; anything else is NaN, which the caller reports. */
function position(value: string): number {
  return /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : Number.NaN;
}

function attr(element: Element, name: string): string {
  return element.getAttribute(name)?.trim() ?? '';
}

/** By local name: tools write the project's namespace, or (older ones) none. */
function children(parent: Element | undefined, localName?: string): Element[] {
  return parent ? [...parent.children].filter((el) => localName === undefined || el.localName === localName) : [];
}

function child(parent: Element | undefined, localName: string): Element | undefined {
  return children(parent, localName)[0];
}
