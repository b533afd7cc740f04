import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const errorOf = (name: string, input: unknown) => t.errorOf(name, input);

function article() {
  const [summary] = call('documents.list', {});
  return call('documents.get', { id: summary!.id });
}
function highlightPhrase(phrase: string) {
  const doc = article();
  const start = doc.text.indexOf(phrase);
  return call('highlights.create', { documentId: doc.id, start, end: start + phrase.length, colour: 'yellow' });
}

describe('the actor registry', () => {
  it('tags passages and shows an actor’s whole file with who co-occurs', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['Al-Qaeda in the Islamic Maghreb', 'AQMI'] });
    const mnla = call('actors.create', { name: 'MNLA', kind: 'group', aliases: ['Mouvement National de Libération de l’Azawad'] });
    const first = highlightPhrase('AQIM set up in this region and expanded its presence');
    const both = highlightPhrase('the National Movement for the Liberation of Azawad (MNLA[1]) – helped by AQMI');
    call('highlights.tag', { highlightId: first.id, actorId: aqim.id });
    call('highlights.tag', { highlightId: both.id, actorId: aqim.id });
    const tagged = call('highlights.tag', { highlightId: both.id, actorId: mnla.id });
    expect(tagged.actorIds).toEqual([aqim.id, mnla.id]);

    const page = call('actors.page', { id: aqim.id });
    expect(page.passages.map((p) => p.highlight.exact)).toEqual([first.exact, both.exact]);
    expect(page.passages[0]!.documentTitle).toBe('Al-Quaeda and state sanctuary in the Islamic Maghreb');
    expect(page.cooccurring).toEqual([{ actor: { id: mnla.id, name: 'MNLA', kind: 'group', colour: mnla.colour }, count: 1 }]);
    expect(call('actors.list', {}).map((a) => [a.name, a.tagCount])).toEqual([['AQIM', 2], ['MNLA', 1]]);
  });

  it('finds “AQMI” as a mention of AQIM in the paragraph that begins “A sanctuary”', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    const doc = article();
    const paragraphStart = doc.text.indexOf('A sanctuary – as described above');
    const paragraphEnd = doc.text.indexOf('\n', paragraphStart);
    const mentions = call('actors.mentions', { documentId: doc.id });
    const inParagraph = mentions.filter((m) => m.start > paragraphStart && m.end < paragraphEnd && m.actorId === aqim.id);
    expect(inParagraph.map((m) => m.text)).toEqual(['AQMI', 'AQIM']);
  });

  it('merges a duplicate into the actor kept: tags and aliases move, the duplicate is gone', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    const dupe = call('actors.create', { name: 'Aqim', kind: 'group', aliases: ['Al-Qaeda in the Islamic Maghreb'] });
    const passage = highlightPhrase('AQIM established sanctuaries in several countries');
    call('highlights.tag', { highlightId: passage.id, actorId: dupe.id });
    const kept = call('actors.merge', { keepId: aqim.id, mergeId: dupe.id });
    expect(kept.aliases).toEqual(['AQMI', 'Al-Qaeda in the Islamic Maghreb']);
    expect(kept.tagCount).toBe(1);
    expect(call('actors.list', {}).map((a) => a.name)).toEqual(['AQIM']);
  });

  it('deleting an actor says how many tags went with it', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' });
    call('highlights.tag', { highlightId: highlightPhrase('AQIM set up').id, actorId: aqim.id });
    expect(call('actors.delete', { id: aqim.id }).tagsRemoved).toBe(1);
    expect(call('actors.list', {})).toEqual([]);
  });

  it('answers empty names, duplicates and clashing aliases with clear errors', () => {
    call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
    expect(errorOf('actors.create', { name: '   ', kind: 'group' }).message).toBe('An actor needs a name.');
    expect(errorOf('actors.create', { name: 'AQIM', kind: 'group' })).toEqual({ code: 'conflict', message: 'There is already an actor named “AQIM”.' });
    expect(errorOf('actors.create', { name: 'MNLA', kind: 'group', aliases: ['aqim'] }).message).toMatch(/is the name of the actor “AQIM”/);
    expect(errorOf('actors.create', { name: 'aqmi', kind: 'group' }).message).toBe('“aqmi” is already an alias of the actor “AQIM”.');
    expect(errorOf('actors.create', { name: 'X', kind: 'militia' }).message).toMatch(/kind is one of/);
    expect(call('actors.list', {})).toHaveLength(1);
  });
});
