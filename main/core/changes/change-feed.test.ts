import { afterEach, describe, expect, it } from 'vitest';
import { callOn, tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ChangeFeed } from './change-feed';

let temp: TempLibrary;
afterEach(() => temp?.cleanup());

function markdown(name: string, text: string) {
  return { files: [{ name, base64: Buffer.from(text).toString('base64') }] };
}

describe('the change feed', () => {
  it('says nothing until something is committed, then names what each write touched', () => {
    temp = tempLibrary();
    const feed = new ChangeFeed(temp.library);
    expect(feed.poll()).toBeNull();

    const [outcome] = temp.call('documents.import', markdown('report.md', '# Report\n\nAQIM crossed near Gao.'));
    if (outcome?.status !== 'imported') throw new Error('the report was not imported');
    const documentId = outcome.document.id;
    expect(feed.poll()?.changed).toEqual({ document: [documentId] });

    const actor = temp.call('actors.create', { name: 'AQIM', kind: 'group' });
    const highlight = temp.call('highlights.create', { documentId, colour: 'yellow', start: 8, end: 12 });
    temp.call('highlights.tag', { highlightId: highlight.id, actorId: actor.id });
    const change = feed.poll()!;
    expect(change.changed.actor).toEqual([actor.id]);
    expect(change.changed.highlight).toEqual([highlight.id]);
    expect(change.changed.document).toBeUndefined();
    expect(feed.poll()).toBeNull();
  });

  it('hears what another connection commits, and knows when to look', () => {
    temp = tempLibrary();
    const feed = new ChangeFeed(temp.library);
    const other = temp.open('library.sqlite');
    expect(feed.otherCommitted()).toBe(false);

    const theirs = callOn(other, 'notes.create', { title: 'Made by the command line' });
    expect(feed.otherCommitted()).toBe(true);
    expect(feed.poll()!.changed).toEqual({ note: [theirs.id] });
    expect(feed.otherCommitted()).toBe(false);
  });

  it('a link changes what its target shows as well as its note', () => {
    temp = tempLibrary();
    const target = temp.call('notes.create', { title: 'Target' });
    const source = temp.call('notes.create', { title: 'Source' });
    const feed = new ChangeFeed(temp.library);
    const body = {
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'fb-note-link', noteUid: target.uid, title: 'Target', version: 1 }] }] },
    };
    temp.call('notes.save', { id: source.id, title: 'Source', body });
    expect(feed.poll()!.changed.note).toEqual(expect.arrayContaining([source.id, target.id]));
  });

  it('a reader that fell behind the kept log is told that everything changed', () => {
    temp = tempLibrary();
    const feed = new ChangeFeed(temp.library);
    temp.call('notes.create', { title: 'First' });
    temp.library.write(() => {
      const insert = temp.library.db.prepare("INSERT INTO change_log (kind, row_id) VALUES ('note', ?)");
      for (let i = 0; i < 10_050; i++) insert.run(i + 1);
    });
    expect(feed.poll()).toEqual({ seq: expect.any(Number), changed: { document: 'all', highlight: 'all', actor: 'all', note: 'all', collection: 'all', theme: 'all', analysis: 'all' } });
    expect(feed.poll()).toBeNull();
  });
});
