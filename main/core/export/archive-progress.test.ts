import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpProgress } from '../../common/progress';
import { dispatch } from '../../ops';
import type { Library } from '../db/library';
import type { Task } from '../task';
import { populate, tempLibrary, type TempLibrary } from '../../testing/populated-library';

let source: TempLibrary;
let target: TempLibrary;
beforeEach(() => {
  source = tempLibrary('fieldbook-archive-progress-source-');
  populate(source.library);
  target = tempLibrary('fieldbook-archive-progress-target-');
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

const TABLES = ['documents', 'highlights', 'actors', 'actor_aliases', 'highlight_actors', 'notes', 'links'];
const dump = (library: Library) => Object.fromEntries(TABLES.map((table) => [table, library.db.prepare(`SELECT * FROM ${table}`).all()]));

/** Hears every report; asks to stop once a report's message starts with `stopAt`. */
function listeningTask(stopAt?: string): Task & { heard: OpProgress[] } {
  const heard: OpProgress[] = [];
  let stop = false;
  return {
    heard,
    report(progress) {
      heard.push(progress);
      if (stopAt && progress.message.startsWith(stopAt)) stop = true;
    },
    cancelled: () => stop,
  };
}

function archiveOf(library: Library): string {
  const result = dispatch({ library }, 'export.archive', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { content: string }).content;
}

describe('a restore says how far it has got and can be stopped', () => {
  it('reports each kind as it restores it, in order, ending with the whole count', () => {
    const task = listeningTask();
    const result = dispatch({ library: target.library, task }, 'library.restoreArchive', { json: archiveOf(source.library) });

    expect(result.ok).toBe(true);
    expect(task.heard.map((p) => p.message)).toEqual([
      'Checking the archive',
      'Restoring documents',
      'Restoring actors',
      'Restoring highlights',
      'Restoring actor tags',
      'Restoring mentions',
      'Restoring notes',
      'Restoring links',
      'Restoring collections',
      'Restoring themes',
      'Restoring analyses',
    ]);
    expect(task.heard.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(task.heard.map((p) => p.total))).toEqual(new Set([11]));
  });

  it('stopped after its documents and actors were written, leaves the library exactly as it was', () => {
    const before = dump(target.library);
    const task = listeningTask('Restoring highlights');

    const result = dispatch({ library: target.library, task }, 'library.restoreArchive', { json: archiveOf(source.library) });

    expect(result).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Nothing was restored: the restore was cancelled, and the library is as it was.' },
    });
    expect(dump(target.library)).toEqual(before);
  });
});

describe('an archive export says how far it has got and can be stopped', () => {
  it('reports reading, then writing', () => {
    const task = listeningTask();
    const result = dispatch({ library: source.library, task }, 'export.archive', {});

    expect(result.ok).toBe(true);
    expect(task.heard.map((p) => `${p.done}/${p.total} ${p.message}`)).toEqual([
      '0/3 Reading the documents',
      '1/3 Reading highlights, actors and notes',
      '2/3 Writing the archive',
    ]);
  });

  it('stopped while reading, answers that it was cancelled and hands over no file', () => {
    const result = dispatch({ library: source.library, task: listeningTask('Reading the documents') }, 'export.archive', {});

    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'The archive was not exported: the export was cancelled.' } });
  });
});
