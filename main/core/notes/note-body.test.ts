import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE } from '../../common/note-format';
import type { OpName } from '../../common/contract';
import { dispatch } from '../../ops';
import { body, paragraph, tempLibrary, text, type TempLibrary } from '../../testing/temp-library';
import { MAX_NOTE_DEPTH, noteBodyDepth } from '../../common/note-format';
import { readNoteBody } from './read-note-body';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

/** A body nested `levels` deep, built as text: JSON.stringify itself would overflow on it. */
function deepBodyJson(levels: number, innermost: string): string {
  return `{"root":{"type":"root","version":1,"children":[${'{"type":"paragraph","version":1,"children":['.repeat(levels)}${innermost}${']}'.repeat(levels)}]}}`;
}

describe('note bodies are walked within a bound', () => {
  it('reads a 20,000-level body without overflowing the stack', () => {
    const parsed = JSON.parse(deepBodyJson(20_000, JSON.stringify(text('buried')))) as { root: unknown };
    expect(() => readNoteBody(parsed)).not.toThrow();
    expect(noteBodyDepth(parsed.root)).toBe(MAX_NOTE_DEPTH + 1);
  });

  it('opens, exports and merges around a stored note nested 20,000 levels deep, never answering internal', () => {
    const aqim = t.call('actors.create', { name: 'AQIM', kind: 'group' });
    const other = t.call('actors.create', { name: 'Al-Qaeda in the Islamic Maghreb', kind: 'group' });
    const note = t.call('notes.create', { title: 'Deep' });
    t.call('notes.save', { id: note.id, title: 'Deep', body: body(paragraph({ type: ACTOR_MENTION_NODE, version: 1, actorUid: other.uid, name: other.name })) });
    // As an older Fieldbook's restore could have stored it: the mention near the top, a deep tail below.
    const mention = JSON.stringify({ type: ACTOR_MENTION_NODE, version: 1, actorUid: other.uid, name: other.name });
    t.library.db.prepare('UPDATE notes SET body_json = ? WHERE id = ?').run(deepBodyJson(20_000, mention).replace('"children":[{"type":"paragraph"', `"children":[${mention},{"type":"paragraph"`), note.id);
    const calls: Array<[OpName, unknown]> = [
      ['notes.get', { id: note.id }],
      ['export.noteMarkdown', { id: note.id }],
      ['export.noteHtml', { id: note.id }],
      ['export.vault', {}],
      ['actors.merge', { keepId: aqim.id, mergeId: other.id }],
      ['export.archive', {}],
    ];
    for (const [name, input] of calls) {
      const result = dispatch({ library: t.library }, name, input);
      expect({ name, ok: result.ok, error: result.ok ? null : result.error }).toEqual({ name, ok: true, error: null });
    }
    expect(t.call('notes.linking', { kind: 'actor', id: aqim.id }).map((n) => n.id)).toEqual([note.id]);
  });
});
