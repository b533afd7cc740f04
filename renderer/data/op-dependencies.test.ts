import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../main/common/changes';
import { isAffected, refreshedOnReconnect } from './op-dependencies';

const change = (changed: LibraryChange['changed']): LibraryChange => ({ seq: 7, changed });

describe('which answers a change refreshes', () => {
  it('a new highlight refreshes highlight lists, the actors’ counts and searches, not the notes list', () => {
    const highlighted = change({ highlight: [12] });
    expect(isAffected('highlights.list', { documentId: 3 }, highlighted)).toBe(true);
    expect(isAffected('actors.list', {}, highlighted)).toBe(true);
    expect(isAffected('search.query', { query: 'convoy' }, highlighted)).toBe(true);
    expect(isAffected('notes.list', {}, highlighted)).toBe(false);
    expect(isAffected('documents.list', {}, highlighted)).toBe(false);
  });

  it('a document’s change refreshes that document only, and the list', () => {
    const replaced = change({ document: [4] });
    expect(isAffected('documents.get', { id: 4 }, replaced)).toBe(true);
    expect(isAffected('documents.get', { id: 3 }, replaced)).toBe(false);
    expect(isAffected('documents.list', {}, replaced)).toBe(true);
    expect(isAffected('documents.get', { id: 3 }, change({ document: 'all' }))).toBe(true);
  });

  it('the tags follow documents, and the collections list follows collections', () => {
    expect(isAffected('documents.tags', {}, change({ document: [4] }))).toBe(true);
    expect(isAffected('documents.tags', {}, change({ highlight: [4] }))).toBe(false);
    expect(isAffected('collections.list', {}, change({ collection: [2] }))).toBe(true);
    expect(isAffected('collections.list', {}, change({ note: [2] }))).toBe(false);
  });

  it('a judged mention (logged as its actor’s change) refreshes the document’s mentions and actor pages, not the book itself', () => {
    const judged = change({ actor: [5] });
    expect(isAffected('actors.mentions', { documentId: 3 }, judged)).toBe(true);
    expect(isAffected('actors.page', { id: 5 }, judged)).toBe(true);
    expect(isAffected('actors.list', {}, judged)).toBe(true);
    expect(isAffected('documents.get', { id: 3 }, judged)).toBe(false);
    expect(isAffected('notes.list', {}, judged)).toBe(false);
  });

  it('never reads back the note being edited, and refreshes anything it does not know', () => {
    expect(isAffected('notes.get', { id: 1 }, change({ note: [1] }))).toBe(false);
    expect(isAffected('notes.linking', { kind: 'note', id: 1 }, change({ note: [2] }))).toBe(true);
    expect(isAffected('some.futureRead', {}, change({ actor: [1] }))).toBe(true);
  });

  it('after the feed was down, refreshes all but the open document and note', () => {
    expect(refreshedOnReconnect('documents.list')).toBe(true);
    expect(refreshedOnReconnect('documents.get')).toBe(false);
    expect(refreshedOnReconnect('notes.get')).toBe(false);
  });
});
