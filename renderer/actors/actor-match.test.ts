import { describe, expect, it } from 'vitest';
import { nameKey } from '../../main/common/fold-text';
import { isKnownName, matchActors, parseAliases, sameName } from './actor-match';
import { deleteConsequence, mergeConsequence } from './actor-words';
import { mentionContext } from './mention-context';

const aqim = { name: 'AQIM', aliases: ['Al-Qaeda in the Islamic Maghreb', 'AQMI'] };
const mnla = { name: 'MNLA', aliases: ['Mouvement National de Libération de l’Azawad'] };
const mali = { name: 'Mali', aliases: [] };
const actors = [mnla, aqim, mali];

describe('matching a typed name to actors', () => {
  it('finds actors by name, case-insensitively', () => {
    expect(matchActors(actors, 'aqi').map((m) => m.actor.name)).toEqual(['AQIM']);
  });

  it('finds actors by alias and says which alias matched', () => {
    expect(matchActors(actors, 'aqmi')).toEqual([{ actor: aqim, alias: 'AQMI' }]);
    expect(matchActors(actors, 'islamic')).toEqual([{ actor: aqim, alias: 'Al-Qaeda in the Islamic Maghreb' }]);
  });

  it('ignores accents and the punctuation between words', () => {
    expect(matchActors(actors, 'liberation de l azawad').map((m) => m.actor.name)).toEqual(['MNLA']);
    expect(matchActors(actors, 'AL QAEDA').map((m) => m.actor.name)).toEqual(['AQIM']);
    expect(matchActors(actors, 'Libération').map((m) => m.actor.name)).toEqual(['MNLA']);
  });

  it('puts names before aliases, and matches only at the starts of words', () => {
    const list = [{ name: 'Malian army', aliases: [] }, { name: 'Somali', aliases: [] }, { name: 'Sahel', aliases: ['Mali north'] }];
    expect(matchActors(list, 'mali').map((m) => m.actor.name)).toEqual(['Malian army', 'Sahel']);
    const wadoud = { name: 'Abu Musab Abdel Wadoud', aliases: ['Droukdel'] };
    expect(matchActors([...actors, wadoud], 'Wad').map((m) => m.actor.name)).toEqual(['Abu Musab Abdel Wadoud']);
  });

  it('lists every actor alphabetically for an empty query', () => {
    expect(matchActors(actors, '  ').map((m) => m.actor.name)).toEqual(['AQIM', 'Mali', 'MNLA']);
  });

  it('knows a name already taken by a name or an alias', () => {
    expect(isKnownName(actors, 'aqim')).toBe(true);
    expect(isKnownName(actors, 'Mouvement national de liberation de l’Azawad')).toBe(true);
    expect(isKnownName(actors, 'Ansar Dine')).toBe(false);
    expect(isKnownName(actors, ' ')).toBe(false);
  });

  it('treats spellings that differ only in case, accents and spacing as the same name', () => {
    expect(sameName('Aqim', 'AQIM')).toBe(true);
    expect(sameName('Al‐Qaïda', 'al qaida')).toBe(true);
    expect(sameName('AQIM', 'AQMI')).toBe(false);
    expect(nameKey('  L’Azawad ')).toBe('l azawad');
  });
});

describe('reading the aliases field', () => {
  it('takes one alias a line or comma-separated, trimmed, without blanks or repeats', () => {
    expect(parseAliases('Al-Qaeda in the Islamic Maghreb\n AQMI ,\n\naqmi, Al  Qaida')).toEqual([
      'Al-Qaeda in the Islamic Maghreb',
      'AQMI',
      'Al Qaida',
    ]);
    expect(parseAliases('   ')).toEqual([]);
  });
});

describe('saying what deleting and merging do', () => {
  it('counts the tags a deletion removes', () => {
    expect(deleteConsequence(2)).toBe('Its 2 tags on passages will be removed.');
    expect(deleteConsequence(1)).toBe('Its 1 tag on a passage will be removed.');
    expect(deleteConsequence(0)).toBe('It is not tagged on any passage.');
  });

  it('says what moves, and drops a name that only respells the kept one', () => {
    const kept = { name: 'AQIM', aliases: [], tagCount: 2 };
    expect(mergeConsequence(kept, { name: 'Aqim', aliases: [], tagCount: 0 })).toEqual([
      'Any notes that mention it move to AQIM.',
      '“Aqim” is AQIM spelt differently, so it is not kept as an alias. Then Aqim is removed from the list of actors.',
    ]);
    expect(mergeConsequence(kept, { name: 'GSPC', aliases: ['Salafist Group'], tagCount: 3 })).toEqual([
      'Its 3 tags on passages, its alias “Salafist Group” and any notes that mention it move to AQIM.',
      '“GSPC” is kept as an alias of AQIM. Then GSPC is removed from the list of actors.',
    ]);
  });
});

describe('showing a mention in context', () => {
  const text = 'The first sentence is here. A sanctuary for AQMI in the\nnorth of Mali was never certain, as the next paragraphs show at length.';
  it('keeps whole words either side and marks what was cut', () => {
    const start = text.indexOf('AQMI');
    const context = mentionContext(text, start, start + 4, 24);
    expect(context).toEqual({ before: '…here. A sanctuary for ', match: 'AQMI', after: ' in the north of Mali…' });
  });

  it('adds no ellipsis at the ends of the text', () => {
    expect(mentionContext('AQMI acted.', 0, 4)).toEqual({ before: '', match: 'AQMI', after: ' acted.' });
  });
});
