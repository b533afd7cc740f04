import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName, OpOutputs } from '../../common/contract';
import { body, paragraph, tempLibrary, text, type TempLibrary } from '../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => t.call(name, input);
const BOLD = 1;

/** What FTS5 has written for notes: a save that re-indexes the note adds a segment here. */
function notesIndexPages(): unknown[] {
  return t.library.db.prepare('SELECT id, block FROM notes_fts_data ORDER BY id').all();
}

describe('saving a note only re-indexes it for search when its words change', () => {
  it('leaves the index alone for a formatting change, and still finds the note by its words', () => {
    const note = call('notes.create', { title: 'Convoy log' });
    call('notes.save', { id: note.id, title: 'Convoy log', body: body(paragraph(text('The convoy crossed the river near Gao.'))) });
    const before = notesIndexPages();

    const bold = body(paragraph(text('The convoy crossed the '), text('river', BOLD), text(' near Gao.')));
    const saved = call('notes.save', { id: note.id, title: 'Convoy log', body: bold });

    expect(notesIndexPages()).toEqual(before);
    expect(call('notes.get', { id: note.id }).body).toEqual(bold);
    expect(saved).toMatchObject({ title: 'Convoy log', excerpt: 'The convoy crossed the river near Gao.' });
    expect(call('search.query', { query: 'river gao' }).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('re-indexes when a word or the title changes', () => {
    const note = call('notes.create', { title: 'Convoy log' });
    call('notes.save', { id: note.id, title: 'Convoy log', body: body(paragraph(text('The convoy crossed the river near Gao.'))) });
    call('notes.save', { id: note.id, title: 'Convoy log', body: body(paragraph(text('The convoy crossed the river near Ansongo.'))) });
    expect(call('search.query', { query: 'ansongo' }).notes.map((n) => n.id)).toEqual([note.id]);
    expect(call('search.query', { query: 'gao' }).notes).toEqual([]);

    const renamed = call('notes.save', { id: note.id, title: 'Route north', body: body(paragraph(text('The convoy crossed the river near Ansongo.'))) });
    expect(renamed.title).toBe('Route north');
    expect(call('search.query', { query: 'route north' }).notes.map((n) => n.id)).toEqual([note.id]);
  });
});
