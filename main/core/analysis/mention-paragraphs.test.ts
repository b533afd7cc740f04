import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import type { ActorNetwork, LinkParagraph } from '../../common/network';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);

function importMarkdown(name: string, text: string): number {
  const [outcome] = call('documents.import', { files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error(`${name} was not imported`);
  return outcome.document.id;
}

const FIELD_NOTES = [
  '# Field notes 🏜️',
  'AQIM and the MNLA met near Gao. 🐪 Mali watched from Bamako.',
  'The MNLA left for Kidal alone.',
  'AQIM came back in March; the MNLA followed, and AQIM stayed.',
].join('\n\n');

/** Three actors, every mention of each accepted in the field notes; a second report names only Mali. */
function library() {
  const aqim = call('actors.create', { name: 'AQIM', kind: 'group' }).id;
  const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
  const mali = call('actors.create', { name: 'Mali', kind: 'state' }).id;
  const notes = importMarkdown('notes.md', FIELD_NOTES);
  const other = importMarkdown('other.md', '# Other\n\nMali and Mali again, with nobody else.\n');
  for (const documentId of [notes, other]) for (const actorId of [aqim, mnla, mali]) call('actors.acceptMentions', { documentId, actorId });
  return { aqim, mnla, mali, notes, other };
}

const describeNetwork = (network: ActorNetwork) => {
  const name = new Map(network.nodes.map((node) => [node.id, node.name]));
  return {
    nodes: network.nodes.map((node) => `${node.name} ${node.passages}+${node.mentions}`),
    links: network.links.map((link) => `${name.get(link.source)}–${name.get(link.target)} ${link.weight} (${link.passages}+${link.paragraphs})`),
  };
};

const marked = (paragraph: LinkParagraph) => paragraph.marks.map((mark) => paragraph.excerpt.slice(mark.start, mark.end));

describe('actors named in the same paragraph', () => {
  it('are linked once per paragraph naming both, however often each is named there', () => {
    library();
    expect(describeNetwork(call('analysis.network', {}))).toEqual({
      nodes: ['AQIM 0+3', 'Mali 0+3', 'MNLA 0+3'],
      links: ['AQIM–MNLA 2 (0+2)', 'AQIM–Mali 1 (0+1)', 'MNLA–Mali 1 (0+1)'],
    });
  });

  it('add to the passages tagged with both, and the weight is the sum', () => {
    const { aqim, mnla, notes } = library();
    const text = call('documents.get', { id: notes }).text;
    const start = text.indexOf('The MNLA left');
    const highlight = call('highlights.create', { documentId: notes, start, end: start + 10, colour: 'yellow' });
    call('highlights.tag', { highlightId: highlight.id, actorId: aqim });
    call('highlights.tag', { highlightId: highlight.id, actorId: mnla });
    const network = call('analysis.network', { minWeight: 2 });
    expect(describeNetwork(network).links).toEqual(['AQIM–MNLA 3 (1+2)']);
    expect(network.nodes.find((node) => node.id === aqim)).toMatchObject({ passages: 1, mentions: 3 });
  });

  it('open as the paragraphs with both names marked, offsets kept true past emoji', () => {
    const { aqim, mnla, notes } = library();
    const tie = call('analysis.linkPassages', { source: mnla, target: aqim });
    expect(tie.passages).toEqual([]);
    expect(tie.paragraphTotal).toBe(2);
    expect(tie.paragraphs.map((p) => p.excerpt)).toEqual([
      'AQIM and the MNLA met near Gao. 🐪 Mali watched from Bamako.',
      'AQIM came back in March; the MNLA followed, and AQIM stayed.',
    ]);
    expect(tie.paragraphs.map(marked)).toEqual([
      ['AQIM', 'MNLA'],
      ['AQIM', 'MNLA', 'AQIM'],
    ]);
    const text = call('documents.get', { id: notes }).text;
    const first = tie.paragraphs[0]!;
    expect(first).toMatchObject({ documentId: notes, documentTitle: 'Field notes 🏜️' });
    expect(text.slice(first.start, first.end)).toBe('AQIM');
    const second = tie.paragraphs[1]!;
    expect(text.slice(second.start, second.end)).toBe('AQIM');
    expect(text.slice(second.start).startsWith('AQIM came back')).toBe(true);
  });

  it('count only accepted mentions still in place: a rejected one ties nobody', () => {
    const { mali, notes } = library();
    const text = call('documents.get', { id: notes }).text;
    const at = text.indexOf('Mali watched');
    call('actors.forgetMentions', { ids: call('actors.mentions', { documentId: notes }).filter((m) => m.actorId === mali && m.recordId !== null).map((m) => m.recordId!) });
    call('actors.rejectMention', { documentId: notes, actorId: mali, start: at, end: at + 4 });
    expect(describeNetwork(call('analysis.network', {})).links).toEqual(['AQIM–MNLA 2 (0+2)']);
  });

  it('are narrowed like tagged passages: by document, kind and the source’s grade', () => {
    const { notes, other } = library();
    expect(describeNetwork(call('analysis.network', { documentId: other }))).toEqual({ nodes: ['Mali 0+2'], links: [] });
    expect(describeNetwork(call('analysis.network', { kinds: ['group'] })).links).toEqual(['AQIM–MNLA 2 (0+2)']);
    call('documents.grade', { id: notes, reliability: 'B', credibility: 2 });
    expect(describeNetwork(call('analysis.network', { reliability: ['B'] })).links).toHaveLength(3);
    expect(describeNetwork(call('analysis.network', { credibility: [2] })).links).toHaveLength(3);
    expect(describeNetwork(call('analysis.network', { reliability: ['A'] }))).toEqual({ nodes: [], links: [] });
  });

  it('in a long paragraph show the words around the mentions, cut with an ellipsis', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' }).id;
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group' }).id;
    const filler = 'The convoy waited for the river to fall before crossing. '.repeat(12);
    const id = importMarkdown('long.md', `# Long\n\n${filler}Then AQIM met the MNLA at Gao. ${filler}`);
    for (const actorId of [aqim, mnla]) call('actors.acceptMentions', { documentId: id, actorId });
    const [paragraph] = call('analysis.linkPassages', { source: aqim, target: mnla }).paragraphs;
    expect(paragraph!.excerpt.startsWith('…')).toBe(true);
    expect(paragraph!.excerpt.endsWith('…')).toBe(true);
    expect(paragraph!.excerpt.length).toBeLessThan(450);
    expect(paragraph!.excerpt).toContain('Then AQIM met the MNLA at Gao.');
    expect(marked(paragraph!)).toEqual(['AQIM', 'MNLA']);
  });
});
