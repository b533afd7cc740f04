import { describe, expect, it } from 'vitest';
import type { Actor, NoteSummary } from '../../../main/common/records';
import { actorChoices, fold, matchMentionTrigger, matchNoteLinkTrigger, noteChoices } from './typeahead-matching';

const note = (id: number, title: string): NoteSummary => ({ id, uid: `n${id}`, title, excerpt: '', createdAt: '', updatedAt: '' });
const actor = (id: number, name: string, aliases: string[] = []): Actor => ({
  id,
  uid: `a${id}`,
  name,
  kind: 'group',
  aliases,
  formerUids: [],
  description: '',
  colour: '#2f6f9f',
  tagCount: 0,
  createdAt: '',
  updatedAt: '',
});

describe('the [[ trigger', () => {
  it('opens on [[ and reads the title typed so far, spaces and all', () => {
    expect(matchNoteLinkTrigger('See [[')).toEqual({ leadOffset: 4, matchingString: '', replaceableString: '[[' });
    expect(matchNoteLinkTrigger('See [[Supply li')).toEqual({ leadOffset: 4, matchingString: 'Supply li', replaceableString: '[[Supply li' });
  });

  it('stays shut for a single bracket or a link already closed', () => {
    expect(matchNoteLinkTrigger('See [Supply')).toBeNull();
    expect(matchNoteLinkTrigger('See [[Supply]] and')).toBeNull();
  });
});

describe('the @ trigger', () => {
  it('opens on @ at the start of a word', () => {
    expect(matchMentionTrigger('@')).toEqual({ leadOffset: 0, matchingString: '', replaceableString: '@' });
    expect(matchMentionTrigger('and @AQ')).toEqual({ leadOffset: 4, matchingString: 'AQ', replaceableString: '@AQ' });
    expect(matchMentionTrigger('(@Mokhtar Bel')).toMatchObject({ matchingString: 'Mokhtar Bel' });
  });

  it('leaves e-mail addresses and a lone @ followed by a space alone', () => {
    expect(matchMentionTrigger('write to someone@example')).toBeNull();
    expect(matchMentionTrigger('at @ home')).toBeNull();
  });
});

describe('note choices', () => {
  const notes = [note(1, 'Supply lines'), note(2, 'Sanctuary'), note(3, 'Logistics of supply'), note(4, '')];

  it('puts titles that start with the query before those that only contain it, and offers to create the rest', () => {
    const choices = noteChoices(notes, 'supp', null);
    expect(choices).toEqual([
      { kind: 'note', note: notes[0] },
      { kind: 'note', note: notes[2] },
      { kind: 'create', title: 'supp' },
    ]);
  });

  it('does not offer to create a title that exists, whatever its case', () => {
    expect(noteChoices(notes, 'sanctuary', null)).toEqual([{ kind: 'note', note: notes[1] }]);
  });

  it('never offers the note being edited, and lists the most recent first for an empty query', () => {
    expect(noteChoices(notes, '', 2).map((choice) => (choice.kind === 'note' ? choice.note.id : 0))).toEqual([1, 3, 4]);
  });

  it('finds an untitled note as Untitled', () => {
    expect(noteChoices(notes, 'untit', null)[0]).toEqual({ kind: 'note', note: notes[3] });
  });
});

describe('actor choices', () => {
  const actors = [actor(1, 'Al-Qaeda in the Islamic Maghreb', ['AQIM']), actor(2, 'Mokhtar Belmokhtar', ['Laaouar']), actor(3, 'Aqaba Front')];

  it('matches names and aliases, saying which alias matched', () => {
    expect(actorChoices(actors, 'aqim')).toEqual([{ actor: actors[0], alias: 'AQIM' }]);
    expect(actorChoices(actors, 'belmo')).toEqual([{ actor: actors[1], alias: null }]);
  });

  it('ranks a name that starts with the query above one with a word that does', () => {
    expect(actorChoices(actors, 'aq').map((choice) => choice.actor.id)).toEqual([1, 3]);
  });

  it('matches only at the starts of words, so “@Wad” finds Wadoud and not the wad inside “l’Azawad”', () => {
    const mnla = actor(6, 'MNLA', ['Mouvement National de Libération de l’Azawad']);
    const wadoud = actor(7, 'Abu Musab Abdel Wadoud', ['Droukdel']);
    expect(actorChoices([mnla, wadoud], 'Wad').map((choice) => choice.actor.id)).toEqual([7]);
    expect(actorChoices([mnla, wadoud], 'azaw')).toEqual([{ actor: mnla, alias: 'Mouvement National de Libération de l’Azawad' }]);
    expect(actorChoices([mnla, wadoud], 'ukdel')).toEqual([]);
  });

  it('ignores case and accents', () => {
    expect(fold('  Québec  City ')).toBe('quebec city');
    expect(actorChoices([actor(5, 'Québec')], 'quebec')).toHaveLength(1);
  });
});
