import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION } from '../export/library-archive';
import { callOn, populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { restored } from '../../testing/temp-library';
import { ANALYSES_SINCE_VERSION } from './analysis-archive';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-ach-archive-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

function analysis() {
  let a = t.call('ach.create', { name: 'Kidal', question: 'Who moves north?' });
  a = t.call('ach.addHypothesis', { analysisId: a.id, text: 'AQIM' });
  a = t.call('ach.addHypothesis', { analysisId: a.id, text: 'The MNLA' });
  a = t.call('ach.addEvidence', { analysisId: a.id, highlightId: fixture.highlights.convoy.id });
  a = t.call('ach.addEvidence', { analysisId: a.id, text: 'Fuel prices rose', weight: 0.5 });
  t.call('ach.rate', { evidenceId: a.evidence[0]!.id, hypothesisId: a.hypotheses[0]!.id, rating: 'CC' });
  t.call('ach.rate', { evidenceId: a.evidence[1]!.id, hypothesisId: a.hypotheses[1]!.id, rating: 'II' });
  return t.call('ach.update', { id: a.id, weighByGrade: true });
}

describe('the archive carries analyses', () => {
  it('has carried them since version 8, and restores them into a fresh library exactly', () => {
    expect(ANALYSES_SINCE_VERSION).toBe(8);
    expect(ARCHIVE_VERSION).toBeGreaterThanOrEqual(ANALYSES_SINCE_VERSION);
    const a = analysis();
    const json = t.call('export.archive', {}).content;
    const archive = JSON.parse(json) as { version: number; analyses: Array<{ uid: string; evidence: unknown[]; ratings: unknown[] }> };
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.analyses).toMatchObject([{ uid: a.uid, evidence: [{ kind: 'highlight', highlightId: fixture.highlights.convoy.id }, { kind: 'note', weight: 0.5 }] }]);

    const fresh = t.open('fresh.sqlite');
    const report = restored(callOn(fresh, 'library.restoreArchive', { json }));
    expect(report.added.analyses).toBe(1);
    expect(callOn(fresh, 'ach.get', { id: a.id })).toEqual(t.call('ach.get', { id: a.id }));
    // Restored again, it is already there.
    expect(restored(callOn(fresh, 'library.restoreArchive', { json })).unchanged.analyses).toBe(1);
    expect(callOn(fresh, 'ach.list', {})).toHaveLength(1);
  });

  it('reads an archive from before analyses (version 7 and older) as having none', () => {
    analysis();
    const archive = JSON.parse(t.call('export.archive', {}).content) as Record<string, unknown>;
    delete archive.analyses;
    const fresh = t.open('fresh.sqlite');
    const report = restored(callOn(fresh, 'library.restoreArchive', { json: JSON.stringify({ ...archive, version: 7 }) }));
    expect(report.added.analyses).toBeUndefined();
    expect(callOn(fresh, 'ach.list', {})).toEqual([]);
  });

  it('refuses an analysis whose ratings point outside it, writing nothing', () => {
    analysis();
    const archive = JSON.parse(t.call('export.archive', {}).content) as { analyses: Array<{ ratings: Array<{ hypothesisId: number }> }> };
    archive.analyses[0]!.ratings[0]!.hypothesisId = 999;
    const fresh = t.open('fresh.sqlite');
    const refused = (() => {
      try {
        callOn(fresh, 'library.restoreArchive', { json: JSON.stringify(archive) });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refused).toContain('joins item');
    expect(callOn(fresh, 'ach.list', {})).toEqual([]);
  });
});
