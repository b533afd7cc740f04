import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QdpxImportReport, ThemeNode } from '../../common/records';
import { populate, tempLibrary, type TempLibrary } from '../../testing/populated-library';
import { utf16Offsets } from '../text/code-points';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const ATLAS_SAMPLE = path.resolve(repoRoot, '../shared/testdata/refi-qda/atlas.qdpx');

/** Emoji outside the BMP and letters with combining accents that NFC cannot fold into one code point. */
const MIXED = `Rapport du terrain

Le convoi 😀 quitta Gao 🌧 à l’aube; la rx\u0304gion m\u0330tait calme. 👩🏽‍🔬 nota: « la route du nord reste ouverte ».
`;

let t: TempLibrary;
let fresh: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-qdpx-import-');
  fresh = tempLibrary('fieldbook-qdpx-fresh-');
});
afterEach(() => {
  t.cleanup();
  fresh.cleanup();
});

const importInto = (library: TempLibrary, bytes: Uint8Array, name = 'project.qdpx'): QdpxImportReport =>
  library.call('library.importQdpx', { file: { name, base64: Buffer.from(bytes).toString('base64') } });

function exported(library: TempLibrary): Uint8Array {
  return new Uint8Array(Buffer.from(library.call('export.qdpx', {}).content, 'base64'));
}

/** A project.qde as another tool writes one: the namespace, GUIDs and users it carries are beside the point here. */
function project(body: string, origin = 'Test tool 1.0'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork" origin="${origin}">${body}</Project>`;
}
const qdpx = (xml: string, sources: Record<string, string> = {}) =>
  zipSync({ 'project.qde': strToU8(xml), ...Object.fromEntries(Object.entries(sources).map(([name, text]) => [`sources/${name}`, strToU8(text)])) });

function importMixed(library: TempLibrary) {
  const [outcome] = library.call('documents.import', { files: [{ name: 'rapport.txt', base64: Buffer.from(MIXED).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error('not imported');
  return library.call('documents.get', { id: outcome.document.id });
}

/** Everything the round trip must keep, named rather than numbered: ids differ between libraries. */
function contents(library: TempLibrary) {
  const themeNames = new Map<number, string>();
  const tree = (nodes: ThemeNode[]): unknown[] =>
    nodes.map((node) => {
      themeNames.set(node.id, node.name);
      return { name: node.name, colour: node.colour, description: node.description, children: tree(node.children) };
    });
  const themes = tree(library.call('themes.list', {}));
  const actors = library.call('actors.list', {});
  const actorNames = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    themes,
    actors: actors.map(({ name, kind, aliases, description, colour }) => ({ name, kind, aliases, description, colour })),
    documents: library.call('documents.list', {}).map((summary) => {
      const document = library.call('documents.get', { id: summary.id });
      const highlights = library
        .call('highlights.list', { documentId: summary.id })
        .filter((h) => h.status !== 'orphaned')
        .map((h) => ({
          exact: h.exact,
          start: h.start,
          comment: h.comment,
          themes: h.themeIds.map((id) => themeNames.get(id)).sort(),
          actors: h.actorIds.map((id) => actorNames.get(id)).sort(),
        }));
      return { title: document.title, text: document.text, highlights };
    }),
    notes: library
      .call('notes.list', {})
      .map((note) => ({ title: note.title, text: library.call('notes.get', { id: note.id }).bodyText }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

describe('code points to UTF-16 offsets', () => {
  it('counts an emoji as one and a combining accent as its own, and knows the end of the text', () => {
    const text = 'a😀e\u0301b';
    expect([...utf16Offsets(text, [0, 1, 2, 3, 4, 5, 6])]).toEqual([[0, 0], [1, 1], [2, 3], [3, 4], [4, 5], [5, 6], [6, undefined]]);
  });
});

describe('the ATLAS.ti sample', () => {
  it('imports its codebook as themes, nested as it is, and importing it again adds nothing', () => {
    expect(fs.existsSync(ATLAS_SAMPLE), `the ATLAS.ti sample is not at ${ATLAS_SAMPLE}: shared/testdata must sit beside the project`).toBe(true);
    const bytes = new Uint8Array(fs.readFileSync(ATLAS_SAMPLE));
    const documentsBefore = t.call('documents.list', {}).length;
    const report = importInto(t, bytes, 'atlas.qdpx');
    expect(report.project).toEqual({ name: 'target-atlas-project', origin: 'ATLAS.ti for Windows 23.2.3.27778' });
    // The sample is a codebook only: three codes, two of them under "Commits", no sources, so no selections.
    expect(report.themesAdded.map((theme) => theme.name)).toEqual(['Commits', '2022-05-10T02:05:59Z 19e4dce', '2022-02-11T10:39:25Z cdbfd92']);
    expect(report).toMatchObject({ documentsAdded: [], actorsAdded: [], highlightsAdded: 0, notesAdded: [], skipped: [] });
    const [commits, ...others] = t.call('themes.list', {});
    expect(others).toEqual([]);
    expect(commits).toMatchObject({ name: 'Commits', parentId: null });
    expect(commits!.children.map((child) => [child.name, child.parentId])).toEqual([
      ['2022-02-11T10:39:25Z cdbfd92', commits!.id],
      ['2022-05-10T02:05:59Z 19e4dce', commits!.id],
    ]);
    expect(t.call('documents.list', {})).toHaveLength(documentsBefore);

    const again = importInto(t, bytes, 'atlas.qdpx');
    expect(again.themesAdded).toEqual([]);
    expect(t.call('themes.list', {})).toHaveLength(1);
  });
});

describe('a project from another tool', () => {
  const text = 'Interview with the mayor\n\nThe  mayor   said the well 😀 was dry.\r\nWater came by truck from Gao.\n\n\n\nNo one   was paid.\n';
  const points = (phrase: string) => {
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return `startPosition="${start}" endPosition="${start + [...phrase].length}"`;
  };
  const xml = project(`
    <CodeBook><Codes>
      <Code guid="c1" name="Water" isCodable="true" color="#1E90FF"><Description>Access to water</Description>
        <Code guid="c2" name="Trucks" isCodable="true"/>
      </Code>
      <Code guid="c3" name="???" isCodable="true"/>
    </Codes><Sets><Set guid="s1" name="Infrastructure"/></Sets></CodeBook>
    <Sources>
      <TextSource guid="t1" name="Mayor interview" plainTextPath="internal://t1.txt">
        <PlainTextSelection guid="p1" name="well" ${points('well 😀 was dry')}><Coding guid="k1"><CodeRef targetGUID="c1"/></Coding><NoteRef targetGUID="n1"/></PlainTextSelection>
        <PlainTextSelection guid="p2" name="truck" ${points('by truck from Gao')}><Coding guid="k2"><CodeRef targetGUID="c2"/></Coding><Coding guid="k3"><CodeRef targetGUID="c3"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="p3" name="paid" ${points('No one   was paid')}><Coding guid="k4"><CodeRef targetGUID="gone"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="p4" name="beyond" startPosition="500" endPosition="510"/>
      </TextSource>
      <TextSource guid="t2" name="Inline memo"><PlainTextContent>Short inline source text.</PlainTextContent></TextSource>
      <TextSource guid="t3" name="Escaping" plainTextPath="internal://../../etc/passwd"/>
      <TextSource guid="t4" name="Elsewhere" plainTextPath="absolute:///home/me/notes.txt"/>
      <PictureSource guid="i1" name="Map of Gao" path="internal://i1.png"><PictureSelection guid="ps1" firstX="0" firstY="0" secondX="1" secondY="1"/></PictureSource>
      <PDFSource guid="f1" name="Report.pdf" path="internal://f1.pdf"><PDFSelection guid="fs1" page="1" firstX="0" firstY="0" secondX="1" secondY="1"/><PDFSelection guid="fs2" page="2" firstX="0" firstY="0" secondX="1" secondY="1"/></PDFSource>
      <AudioSource guid="a1" name="interview.mp3" path="internal://a1.mp3"/>
      <VideoSource guid="v1" name="market.mp4" path="internal://v1.mp4"/>
    </Sources>
    <Notes>
      <Note guid="n1" name="On the well"><PlainTextContent>Checked twice.</PlainTextContent></Note>
      <Note guid="n2" name="Project memo"><PlainTextContent>First line.
Second line.</PlainTextContent></Note>
    </Notes>`);

  it('becomes documents, themes and highlights, and names everything it cannot hold', () => {
    const report = importInto(t, qdpx(xml, { 't1.txt': text }));
    expect(report.documentsAdded.map((d) => d.title)).toEqual(['Mayor interview', 'Inline memo']);
    expect(report.themesAdded.map((theme) => theme.name)).toEqual(['Water', 'Trucks']);
    expect(report.highlightsAdded).toBe(3);
    expect(report.notesAdded.map((note) => note.title)).toEqual(['Project memo']);
    expect(report.skipped.map(({ kind, name }) => `${kind}: ${name}`).sort()).toEqual(
      [
        'image: Map of Gao',
        'PDF: Report.pdf',
        'audio source: interview.mp3',
        'video source: market.mp4',
        'text source: Escaping',
        'text source: Elsewhere',
        'set: Infrastructure',
        'code: ???',
        'selection: beyond',
        'coding: gone',
      ].sort(),
    );
    expect(report.skipped.find((s) => s.name === 'Report.pdf')!.reason).toMatch(/text only; its 2 PDF region selections were left out/);
    expect(report.skipped.find((s) => s.name === 'beyond')!.reason).toMatch(/past the end of the text.*in “Mayor interview”/);

    const water = t.call('themes.list', {}).find((theme) => theme.name === 'Water')!;
    expect(water).toMatchObject({ colour: '#1e90ff', description: 'Access to water' });
    expect(water.children.map((child) => child.name)).toEqual(['Trucks']);

    const document = t.call('documents.get', { id: report.documentsAdded[0]!.id });
    // The importer kept the first line as text (the name is the title) and tidied the spacing.
    expect(document.text.startsWith('Interview with the mayor\n\nThe mayor said')).toBe(true);
    const highlights = t.call('highlights.list', { documentId: document.id });
    expect(highlights.map((h) => h.exact)).toEqual(['well 😀 was dry', 'by truck from Gao', 'No one was paid']);
    expect(highlights.map((h) => document.text.slice(h.start, h.end))).toEqual(highlights.map((h) => h.exact));
    expect(highlights[0]).toMatchObject({ themeIds: [water.id], comment: 'Checked twice.', colour: 'yellow' });
    expect(highlights[1]!.themeIds).toEqual([water.children[0]!.id]);

    const again = importInto(t, qdpx(xml, { 't1.txt': text }));
    expect(again).toMatchObject({ documentsAdded: [], themesAdded: [], highlightsAdded: 0, highlightsFound: 3, notesAdded: [] });
    expect(again.documentsFound.map((d) => d.title)).toEqual(['Mayor interview', 'Inline memo']);
  });

  it('is added whole or not at all: a write failing halfway leaves the library as it was', () => {
    // The highlights are written after the themes and documents: failing there must undo those too.
    t.library.db.exec("CREATE TEMP TRIGGER refuse_highlights BEFORE INSERT ON highlights BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
    const documents = t.call('documents.list', {}).length;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = t.errorOf('library.importQdpx', { file: { name: 'project.qdpx', base64: Buffer.from(qdpx(xml, { 't1.txt': text })).toString('base64') } });
    logged.mockRestore();
    expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/nothing was changed\. \(the disk is full\)/) });
    expect(t.call('themes.list', {})).toEqual([]);
    expect(t.call('documents.list', {})).toHaveLength(documents);
    expect(t.call('notes.list', {})).toEqual([]);
  });
});

describe('REFI-QDA round trip', () => {
  it('gives a fresh library the same documents, themes, actors, highlights and notes', () => {
    populate(t.library);
    const mixed = importMixed(t);
    const violence = t.call('themes.create', { name: 'Violence', description: 'Force & threats,\nin words or deeds', colour: '#a3364a' });
    const financing = t.call('themes.create', { name: 'Financing', parentId: violence.id });
    const ransom = t.call('themes.create', { name: 'Ransom', parentId: financing.id, description: 'Kidnapping for money' });
    t.call('themes.create', { name: 'Governance' });
    for (const [phrase, themeId] of [['la rx\u0304gion m\u0330tait calme', violence.id], ['👩🏽‍🔬 nota', ransom.id], ['Gao 🌧 à l’aube', financing.id]] as const) {
      const start = mixed.text.indexOf(phrase);
      const h = t.call('highlights.create', { documentId: mixed.id, start, end: start + phrase.length, colour: 'green', comment: `on ${phrase}` });
      t.call('highlights.tagTheme', { highlightId: h.id, themeId });
    }
    const before = contents(t);

    const report = importInto(fresh, exported(t));
    expect(report.skipped).toEqual([]);
    expect(contents(fresh)).toEqual(before);
    // The fresh library's bundled article is the same text: it is found, not added twice.
    expect(report.documentsFound).toHaveLength(1);
    expect(report.documentsAdded).toHaveLength(2);
    expect(report.actorsAdded.map((a) => a.name).sort()).toEqual(['AQIM', 'Mali', 'Mokhtar Belmokhtar']);

    const again = importInto(fresh, exported(t));
    expect(again).toMatchObject({ documentsAdded: [], themesAdded: [], actorsAdded: [], highlightsAdded: 0, notesAdded: [], skipped: [] });
    expect(contents(fresh)).toEqual(before);
  });

  it('places selections by code points: emoji and combining accents before them shift nothing', () => {
    const mixed = importMixed(t);
    const phrases = ['quitta Gao 🌧 à', 'm\u0330tait calme. 👩🏽‍🔬', 'ouverte »'];
    for (const phrase of phrases) {
      const start = mixed.text.indexOf(phrase);
      t.call('highlights.create', { documentId: mixed.id, start, end: start + phrase.length, colour: 'blue' });
    }
    const report = importInto(fresh, exported(t));
    const document = fresh.call('documents.get', { id: report.documentsAdded[0]!.id });
    expect(document.text).toBe(mixed.text);
    const highlights = fresh.call('highlights.list', { documentId: document.id });
    expect(highlights.map((h) => document.text.slice(h.start, h.end))).toEqual(phrases);
    expect(highlights.map((h) => [h.start, h.end, h.status])).toEqual(
      phrases.map((phrase) => [mixed.text.indexOf(phrase), mixed.text.indexOf(phrase) + phrase.length, 'exact']),
    );
  });
});

describe('a damaged project', () => {
  const good = () => qdpx(project('<CodeBook><Codes><Code guid="c1" name="Water" isCodable="true"/></Codes></CodeBook>'));
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['cut short', () => good().slice(0, good().length - 30), /the zip is damaged or cut short/],
    ['not a zip', () => strToU8('<Project/>'), /not a zip file/],
    ['a zip without project.qde', () => zipSync({ 'other.xml': strToU8('<Project/>') }), /has no project\.qde/],
    ['not well-formed XML', () => qdpx(project('<CodeBook><Codes></CodeBook>')), /not well-formed XML/],
    ['not a project', () => qdpx('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'), /holds a <CodeBook>, not a REFI-QDA <Project>/],
    ['declaring entities', () => qdpx(`<!DOCTYPE Project [<!ENTITY a "aaaa">]>${project('<CodeBook><Codes><Code guid="c" name="&a;"/></Codes></CodeBook>')}`), /declares a DTD/],
    ['claiming a huge project.qde', () => declaredSize(good(), 'project.qde', 0x7fffffff), /larger than 64 MB/],
  ];
  it.each(cases)('%s is refused, naming the file, and nothing is added', (_, bytes, reason) => {
    const themes = t.call('themes.list', {}).length;
    const documents = t.call('documents.list', {}).length;
    const error = t.errorOf('library.importQdpx', { file: { name: 'broken.qdpx', base64: Buffer.from(bytes()).toString('base64') } });
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/^broken\.qdpx was not imported: /);
    expect(error.message).toMatch(reason);
    expect(t.call('themes.list', {})).toHaveLength(themes);
    expect(t.call('documents.list', {})).toHaveLength(documents);
  });

  it('is not taken for a document by the document import', () => {
    const [outcome] = t.call('documents.import', { files: [{ name: 'project.qdpx', base64: Buffer.from(good()).toString('base64') }] });
    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringMatching(/it is a REFI-QDA project/) });
  });
});

/** The zip with one entry's size, as its central directory declares it, changed (a zip bomb lies the other way). */
function declaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString() === name) view.setUint32(at + 24, size, true);
  }
  return bytes;
}
