import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { ActorNetwork } from '../../common/network';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);

function importReport(name: string, text: string, published: string): number {
  const [outcome] = call('documents.import', { files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  call('documents.update', { id: outcome.document.id, published });
  return outcome.document.id;
}

function passage(documentId: number, phrase: string, actorIds: number[]): number {
  const text = call('documents.get', { id: documentId }).text;
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const highlight = call('highlights.create', { documentId, start, end: start + phrase.length, colour: 'yellow' });
  for (const actorId of actorIds) call('highlights.tag', { highlightId: highlight.id, actorId });
  return highlight.id;
}

const names = (network: ActorNetwork) => new Map(network.nodes.map((node) => [node.id, node.name]));
const described = (network: ActorNetwork) => {
  const name = names(network);
  return network.links.map((link) => `${name.get(link.source)}–${name.get(link.target)} ${link.weight}`);
};

/** Three reports from 2011 to 2013 and four actors tagged on their passages, some together. */
function library() {
  const aqim = call('actors.create', { name: 'AQIM', kind: 'group' }).id;
  const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
  const mali = call('actors.create', { name: 'Mali', kind: 'state' }).id;
  const wadoud = call('actors.create', { name: 'Abu Musab Abdel Wadoud', kind: 'person' }).id;
  const first = importReport('first.md', '# Gao, 2011\n\nAQIM and the MNLA met near Gao.\n\nMali sent no troops.\n', '2011-06');
  const second = importReport('second.md', '# Kidal, 2012\n\nThe MNLA fought beside AQIM at Kidal.\n\nWadoud spoke for AQIM.\n', '2012-03-14');
  const third = importReport('third.md', '# Bamako, 2013\n\nMali asked for help against AQIM.\n', '2013');
  const ids = {
    gao: passage(first, 'AQIM and the MNLA met near Gao.', [aqim, mnla]),
    troops: passage(first, 'Mali sent no troops.', [mali]),
    kidal: passage(second, 'The MNLA fought beside AQIM at Kidal.', [aqim, mnla]),
    spoke: passage(second, 'Wadoud spoke for AQIM.', [wadoud, aqim]),
    bamako: passage(third, 'Mali asked for help against AQIM.', [mali, aqim]),
  };
  return { aqim, mnla, mali, wadoud, first, second, third, ids };
}

describe('the actor network', () => {
  it('links actors tagged on the same passages, weighted by how many, across documents', () => {
    library();
    const network = call('analysis.network', {});
    expect(network.nodes.map((node) => [node.name, node.kind, node.passages])).toEqual([
      ['AQIM', 'group', 4],
      ['Mali', 'state', 2],
      ['MNLA', 'group', 2],
      ['Abu Musab Abdel Wadoud', 'person', 1],
    ]);
    expect(described(network)).toEqual(['AQIM–MNLA 2', 'AQIM–Mali 1', 'AQIM–Abu Musab Abdel Wadoud 1']);
    expect(call('analysis.network', { minWeight: 2 }).links).toHaveLength(1);
  });

  it('narrows to a document, a collection, kinds of actor and a span of publication dates', () => {
    const { first, third, ids } = library();
    expect(described(call('analysis.network', { documentId: first }))).toEqual(['AQIM–MNLA 1']);

    const sahel = call('collections.create', { name: 'Sahel 2011 and 2013' });
    call('documents.update', { id: first, collectionIds: [sahel.id] });
    call('documents.update', { id: third, collectionIds: [sahel.id] });
    expect(described(call('analysis.network', { collectionId: sahel.id }))).toEqual(['AQIM–MNLA 1', 'AQIM–Mali 1']);

    const groupsAndStates = call('analysis.network', { kinds: ['group', 'state'] });
    expect(groupsAndStates.nodes.map((node) => node.name)).toEqual(['AQIM', 'Mali', 'MNLA']);
    expect(described(groupsAndStates)).toEqual(['AQIM–MNLA 2', 'AQIM–Mali 1']);

    // A year as the end takes in its every day; a month as the start takes in that month on.
    expect(described(call('analysis.network', { publishedFrom: '2012', publishedTo: '2012' }))).toEqual(['AQIM–MNLA 1', 'AQIM–Abu Musab Abdel Wadoud 1']);
    expect(described(call('analysis.network', { publishedFrom: '2011-07' }))).toEqual(['AQIM–MNLA 1', 'AQIM–Mali 1', 'AQIM–Abu Musab Abdel Wadoud 1']);

    // A deleted passage no longer ties anyone.
    call('highlights.delete', { id: ids.kidal });
    expect(described(call('analysis.network', {}))).toEqual(['AQIM–MNLA 1', 'AQIM–Mali 1', 'AQIM–Abu Musab Abdel Wadoud 1']);
  });

  it('opens a link as the passages that tie the two actors, either way round', () => {
    const { aqim, mnla, mali } = library();
    const link = call('analysis.linkPassages', { source: mnla, target: aqim });
    expect(link.total).toBe(2);
    expect(link.passages.map((p) => [p.documentTitle, p.highlight.exact])).toEqual([
      ['Gao, 2011', 'AQIM and the MNLA met near Gao.'],
      ['Kidal, 2012', 'The MNLA fought beside AQIM at Kidal.'],
    ]);
    expect([link.source.name, link.source.passages, link.target.name, link.target.passages]).toEqual(['MNLA', 2, 'AQIM', 4]);
    expect(call('analysis.linkPassages', { source: mali, target: mnla }).passages).toEqual([]);
  });

  it('answers bad filters with what is wrong, and an unknown actor as not found', () => {
    const { aqim } = library();
    expect(t.errorOf('analysis.network', { minWeight: 0 }).message).toMatch(/at least one passage/);
    expect(t.errorOf('analysis.network', { kinds: ['army'] }).message).toMatch(/kind is one of/);
    expect(t.errorOf('analysis.network', { kinds: ['group', 'group'] }).message).toMatch(/each kind once/);
    expect(t.errorOf('analysis.network', { publishedFrom: '2012-13' }).message).toMatch(/a year, a month or a day/);
    expect(t.errorOf('analysis.network', { publishedFrom: '2013', publishedTo: '2012' }).message).toMatch(/must not come after/);
    expect(t.errorOf('analysis.linkPassages', { source: aqim, target: aqim }).message).toMatch(/two different actors/);
    expect(t.errorOf('analysis.linkPassages', { source: aqim, target: 9_999 }).code).toBe('not_found');
    expect(t.errorOf('export.network', { format: 'dot' }).message).toMatch(/graphml, gexf or csv/);
  });
});

describe('the network exported', () => {
  function awkwardLibrary() {
    const { aqim } = library();
    const named = call('actors.create', { name: '=HYPERLINK("x") <Ansar> & “Dine” 🏴 أنصار الدين', kind: 'group' }).id;
    const second = call('documents.list', {}).find((d) => d.title === 'Kidal, 2012')!.id;
    passage(second, 'Wadoud spoke', [named, aqim]);
    return named;
  }

  it('as GraphML and GEXF that parse, with every actor and weighted link, names kept whole', () => {
    awkwardLibrary();
    const network = call('analysis.network', {});
    for (const format of ['graphml', 'gexf'] as const) {
      const file = call('export.network', { format });
      const xml = new JSDOM(file.content, { contentType: 'application/xml' }).window.document;
      expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
      const nodes = [...xml.getElementsByTagName('node')];
      expect(nodes).toHaveLength(network.nodes.length);
      expect(xml.getElementsByTagName('edge')).toHaveLength(network.links.length);
      const labels = nodes.map((node) => node.getAttribute('label') ?? node.querySelector('data[key="label"]')?.textContent);
      expect(labels).toContain('=HYPERLINK("x") <Ansar> & “Dine” 🏴 أنصار الدين');
    }
    const gexf = call('export.network', { format: 'gexf' }).content;
    expect(gexf).toMatch(/<edge id="l1" source="a\d+" target="a\d+" weight="2"><attvalues><attvalue for="passages" value="2"\/><attvalue for="paragraphs" value="0"\/><\/attvalues><\/edge>/);
  });

  it('as a CSV of links by name, with formulas defused, narrowed like the view', () => {
    awkwardLibrary();
    const csv = call('export.network', { format: 'csv', bom: false }).content;
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('Source,Target,Weight,Source kind,Target kind,Source id,Target id,Passages,Paragraphs');
    expect(rows[1]).toMatch(/^AQIM,MNLA,2,group,group,/);
    expect(csv).toContain(`"'=HYPERLINK(""x"") <Ansar> & “Dine” 🏴 أنصار الدين"`);
    expect(call('export.network', { format: 'csv', minWeight: 2, bom: false }).content.trimEnd().split('\r\n')).toHaveLength(2);
    expect(call('export.network', { format: 'csv' }).content.startsWith('\uFEFF')).toBe(true);
  });
});
