import { describe, expect, it } from 'vitest';
import type { QdpxImportReport } from '../../main/common/records';
import { isProjectFile, projectNotices } from './import-projects';

const report = (changes: Partial<QdpxImportReport> = {}): QdpxImportReport => ({
  fileName: 'fieldwork.qdpx',
  project: { name: 'Sahel fieldwork', origin: 'ATLAS.ti' },
  documentsAdded: [],
  documentsFound: [],
  themesAdded: [],
  actorsAdded: [],
  highlightsAdded: 0,
  highlightsFound: 0,
  notesAdded: [],
  skipped: [],
  ...changes,
});

describe('what an imported project says', () => {
  it('counts what came in', () => {
    const notices = projectNotices(
      report({ documentsAdded: [{ id: 1, title: 'Interview 1' }], themesAdded: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }], highlightsAdded: 1 }),
    );
    expect(notices).toEqual(['Imported the project “Sahel fieldwork”: 1 document, 2 themes, 1 highlight.']);
  });

  it('names what it left out, five at most, and says when nothing was new', () => {
    const skipped = ['a.jpg', 'b.mp3', 'c.pdf', 'd.mp4', 'e.png', 'f.png'].map((name) => ({ kind: 'source', name, reason: 'not text' }));
    const notices = projectNotices(report({ skipped }));
    expect(notices[0]).toBe('The project “Sahel fieldwork” held nothing new for this library.');
    expect(notices[1]).toBe(
      'Left out, since Fieldbook holds text only: source “a.jpg” (not text); source “b.mp3” (not text); source “c.pdf” (not text); source “d.mp4” (not text); source “e.png” (not text); and 1 more.',
    );
  });

  it('knows a project file by its extension, in any case', () => {
    expect([isProjectFile({ name: 'x.QDPX' }), isProjectFile({ name: 'x.qdpx.txt' }), isProjectFile({ name: 'notes.md' })]).toEqual([true, false, false]);
  });
});
