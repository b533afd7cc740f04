import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import type { OpName, OpOutputs } from '../../common/contract';
import { dispatch } from '../../ops';
import { body, paragraph, tempLibrary, text, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);


describe('notes', () => {
  it('saves a body with its text and links, and answers backlinks', () => {
    const target = call('notes.create', { title: 'Sanctuaries' });
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' });
    const [doc] = call('documents.list', {});
    const start = call('documents.get', { id: doc!.id }).text.indexOf('Timbuktu');
    const h = call('highlights.create', { documentId: doc!.id, start, end: start + 8, colour: 'yellow' });
    const note = call('notes.create', { title: 'Reading notes' });
    call('notes.save', {
      id: note.id,
      title: 'Reading notes',
      body: body(
        { type: 'heading', tag: 'h1', version: 1, children: [text('On the Sahel')] },
        paragraph(text('See '), { type: NOTE_LINK_NODE, version: 1, noteUid: target.uid, title: 'Sanctuaries' }, text(' and '), {
          type: ACTOR_MENTION_NODE,
          version: 1,
          actorUid: aqim.uid,
          name: 'AQIM',
        }),
        { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: h.uid, documentUid: doc!.uid, documentTitle: doc!.title, quote: 'Timbuktu' },
      ),
    });
    expect(call('notes.get', { id: note.id }).passages).toEqual({ [h.uid]: { highlightId: h.id, documentId: doc!.id } });
    expect(call('notes.get', { id: note.id }).bodyText).toBe(
      `On the Sahel\nSee Sanctuaries and @AQIM\nTimbuktu — ${doc!.title}`,
    );
    expect(call('notes.linking', { kind: 'note', id: target.id }).map((n) => n.title)).toEqual(['Reading notes']);
    expect(call('notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.id)).toEqual([note.id]);
    expect(call('notes.linking', { kind: 'highlight', id: h.id }).map((n) => n.id)).toEqual([note.id]);
    expect(call('notes.linking', { kind: 'document', id: doc!.id }).map((n) => n.id)).toEqual([note.id]);
    // A backlink shows the sentence that refers, not the note's first line (its heading here).
    expect(call('notes.linking', { kind: 'note', id: target.id }).map((n) => n.excerpt)).toEqual(['See Sanctuaries and @AQIM']);
    expect(call('notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.excerpt)).toEqual(['See Sanctuaries and @AQIM']);
    expect(call('notes.linking', { kind: 'highlight', id: h.id }).map((n) => n.excerpt)).toEqual([`Timbuktu — ${doc!.title}`]);
    expect(call('notes.list', {}).find((n) => n.id === note.id)?.excerpt).toBe('On the Sahel');
    expect(call('actors.page', { id: aqim.id }).notes.map((n) => n.title)).toEqual(['Reading notes']);
    expect(call('search.query', { query: 'sahel' }).notes.map((n) => n.title)).toEqual(['Reading notes']);
  });

  it('keeps links true when the body changes', () => {
    const target = call('notes.create', { title: 'Target' });
    const note = call('notes.create', { title: 'Source' });
    const link = { type: NOTE_LINK_NODE, version: 1, noteUid: target.uid, title: 'Target' };
    call('notes.save', { id: note.id, title: 'Source', body: body(paragraph(link)) });
    expect(call('notes.linking', { kind: 'note', id: target.id })).toHaveLength(1);
    call('notes.save', { id: note.id, title: 'Source', body: body(paragraph(text('no link now'))) });
    expect(call('notes.linking', { kind: 'note', id: target.id })).toHaveLength(0);
  });

  it('lists notes by last change, deletes and restores them', () => {
    const a = call('notes.create', { title: 'A' });
    call('notes.create', { title: 'B' });
    call('notes.save', { id: a.id, title: 'A', body: body(paragraph(text('first line'))) });
    expect(call('notes.list', {}).map((n) => [n.title, n.excerpt])).toEqual([['A', 'first line'], ['B', '']]);
    call('notes.delete', { id: a.id });
    expect(call('notes.list', {}).map((n) => n.title)).toEqual(['B']);
    expect(call('search.query', { query: 'first' }).notes).toEqual([]);
    call('notes.restore', { id: a.id });
    expect(call('notes.list', {}).map((n) => n.title)).toEqual(['A', 'B']);
  });

  it('refuses a body that is not a Lexical state, writing nothing', () => {
    const note = call('notes.create', { title: 'A' });
    const result = dispatch({ library: t.library }, 'notes.save', { id: note.id, title: 'A', body: { root: { type: 'paragraph', children: [] } } });
    expect(result.ok).toBe(false);
    expect(call('notes.get', { id: note.id }).bodyText).toBe('');
  });

  it('keeps a mention pointing at the actor kept when its actor is merged, through later saves, without touching the note', () => {
    const aqim = call('actors.create', { name: 'AQIM', kind: 'group' });
    const other = call('actors.create', { name: 'Al-Qaeda in the Islamic Maghreb', kind: 'group' });
    const note = call('notes.create', { title: 'Merged' });
    call('notes.save', { id: note.id, title: 'Merged', body: body(paragraph({ type: ACTOR_MENTION_NODE, version: 1, actorUid: other.uid, name: other.name })) });
    const stored = () => t.library.db.prepare('SELECT body_json, body_text, updated_at FROM notes WHERE id = ?').get(note.id);
    const before = stored();
    call('actors.merge', { keepId: aqim.id, mergeId: other.id });
    // The body is as the person left it; the merged actor's uid now answers for the one kept.
    expect(stored()).toEqual(before);
    expect(call('actors.list', {}).map((a) => [a.name, a.formerUids])).toEqual([['AQIM', [other.uid]]]);
    expect(call('notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.id)).toEqual([note.id]);
    expect(call('export.noteMarkdown', { id: note.id }).content).toContain('@AQIM');
    const saved = call('notes.get', { id: note.id });
    call('notes.save', { id: note.id, title: 'Merged', body: saved.body });
    expect(call('notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.id)).toEqual([note.id]);
    // Merged again into a third actor, the first merge's uid follows.
    const third = call('actors.create', { name: 'JNIM', kind: 'group' });
    call('actors.merge', { keepId: third.id, mergeId: aqim.id });
    expect(call('notes.linking', { kind: 'actor', id: third.id }).map((n) => n.excerpt)).toEqual([`@${other.name}`]);
    expect(call('actors.list', {}).find((a) => a.id === third.id)?.formerUids.sort()).toEqual([aqim.uid, other.uid].sort());
    call('notes.save', { id: note.id, title: 'Merged', body: saved.body });
    expect(call('notes.linking', { kind: 'actor', id: third.id }).map((n) => n.id)).toEqual([note.id]);
  });

  it('never gives a deleted actor’s id to a new one, so old mentions cannot change who they name', () => {
    const gone = call('actors.create', { name: 'Mokhtar Belmokhtar', kind: 'person' });
    call('actors.delete', { id: gone.id });
    const next = call('actors.create', { name: 'Iyad Ag Ghaly', kind: 'person' });
    expect(next.id).not.toBe(gone.id);
  });

  it('refuses references inside a body that are not uids, so the library’s archive always restores', () => {
    const note = call('notes.create', { title: 'Ids' });
    const bad = [
      { type: ACTOR_MENTION_NODE, version: 1, actorUid: 12, name: 'A number' },
      { type: NOTE_LINK_NODE, version: 1, noteUid: 'two words', title: 'Spaced' },
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: 'h', documentUid: '', documentTitle: 'Empty', quote: 'q' },
      { type: NOTE_LINK_NODE, version: 1, noteId: 2, title: 'An id, as before uids' },
    ];
    for (const node of bad) {
      const error = t.errorOf('notes.save', { id: note.id, title: 'Ids', body: body(paragraph(text('See '), node)) });
      expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/a uid \(1 to 200 printable characters, no spaces\), or null/) });
    }
    expect(call('notes.get', { id: note.id }).bodyText).toBe('');
    const fresh = t.open('fresh.sqlite');
    expect(dispatch({ library: fresh }, 'library.restoreArchive', { json: call('export.archive', {}).content }).ok).toBe(true);
  });

  it('cuts a long first line into an excerpt without halving a character', () => {
    const note = call('notes.create', { title: 'Long' });
    const line = `${'a'.repeat(158)}😀 and the rest of a long first line`;
    call('notes.save', { id: note.id, title: 'Long', body: body(paragraph(text(line))) });
    const [summary] = call('notes.list', {});
    expect(summary!.excerpt).toBe(`${'a'.repeat(158)}…`);
  });
});
