import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-tag-many-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const actorsOf = (id: number) => t.call('highlights.list', { documentId: t.library.db.prepare('SELECT document_id AS d FROM highlights WHERE id = ?').pluck().get(id) as number }).find((h) => h.id === id)!.actorIds;

describe('tagging several highlights at once', () => {
  it('tags highlights of two documents with one actor, counting only those newly tagged', () => {
    const { overlap, convoy } = fixture.highlights;
    const result = t.call('highlights.tagMany', { highlightIds: [overlap.id, convoy.id], actorId: fixture.belmokhtar.id });
    // The convoy was already Belmokhtar's.
    expect(result).toEqual({ tagged: 1 });
    expect(actorsOf(overlap.id)).toContain(fixture.belmokhtar.id);
    expect(actorsOf(convoy.id)).toContain(fixture.belmokhtar.id);
  });

  it('tags none of them when one id is deleted or unknown, or the actor is missing', () => {
    const { overlap, timbuktu, deleted } = fixture.highlights;
    const before = [actorsOf(overlap.id), actorsOf(timbuktu.id)];
    expect(t.errorOf('highlights.tagMany', { highlightIds: [overlap.id, deleted.id, timbuktu.id], actorId: fixture.belmokhtar.id })).toEqual({
      code: 'not_found',
      message: `There is no highlight with id ${deleted.id}; no highlight was tagged.`,
    });
    expect(t.errorOf('highlights.tagMany', { highlightIds: [overlap.id, 987_654], actorId: fixture.belmokhtar.id })).toMatchObject({ code: 'not_found' });
    expect(t.errorOf('highlights.tagMany', { highlightIds: [overlap.id], actorId: 987_654 })).toMatchObject({ code: 'not_found' });
    expect([actorsOf(overlap.id), actorsOf(timbuktu.id)]).toEqual(before);
  });

  it('refuses an empty selection or one past the list’s size', () => {
    expect(t.errorOf('highlights.tagMany', { highlightIds: [], actorId: fixture.aqim.id })).toMatchObject({ code: 'invalid_input' });
    const many = Array.from({ length: 2_001 }, (_, i) => i + 1);
    expect(t.errorOf('highlights.tagMany', { highlightIds: many, actorId: fixture.aqim.id })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at most 2,000') });
  });
});
