import { afterEach, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { ChangeFeed } from '../changes/change-feed';

let temp: TempLibrary;
afterEach(() => temp?.cleanup());

const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

function importMarkdown(name: string, text: string): number {
  const [outcome] = temp.call('documents.import', { files: [file(name, text)] });
  if (outcome?.status !== 'imported') throw new Error(`${name} was not imported`);
  return outcome.document.id;
}

describe('reading positions', () => {
  it('opens a document where it was left, and a document never read at its start', () => {
    temp = tempLibrary();
    const report = importMarkdown('report.md', `# Report\n\n${'The convoy crossed near Gao. '.repeat(400)}`);
    expect(temp.call('documents.readingPosition', { documentId: report })).toEqual({ offset: null });
    temp.call('documents.saveReadingPosition', { documentId: report, offset: 5200 });
    temp.call('documents.saveReadingPosition', { documentId: report, offset: 6100 });
    expect(temp.call('documents.readingPosition', { documentId: report })).toEqual({ offset: 6100 });
  });

  it('keeps the place inside a newer, shorter version of the text', () => {
    temp = tempLibrary();
    const report = importMarkdown('report.md', `# Report\n\n${'The convoy crossed near Gao. '.repeat(400)}`);
    temp.call('documents.saveReadingPosition', { documentId: report, offset: 9000 });
    temp.call('documents.replace', { id: report, file: file('report.md', '# Report\n\nThe convoy turned back.') });
    const { text } = temp.call('documents.get', { id: report });
    expect(temp.call('documents.readingPosition', { documentId: report })).toEqual({ offset: text.length - 1 });
  });

  it('refuses a place in a document that does not exist, or a negative one, and writes nothing', () => {
    temp = tempLibrary();
    expect(temp.errorOf('documents.saveReadingPosition', { documentId: 999, offset: 10 })).toMatchObject({ code: 'not_found' });
    expect(temp.errorOf('documents.saveReadingPosition', { documentId: 1, offset: -4 })).toMatchObject({
      code: 'invalid_input',
      message: 'An offset cannot be negative.',
      field: 'offset',
    });
    const rows = temp.library.db.prepare('SELECT count(*) AS n FROM reading_positions').get() as { n: number };
    expect(rows.n).toBe(0);
  });

  it('is not news to other windows: saving a place publishes no change', () => {
    temp = tempLibrary();
    const feed = new ChangeFeed(temp.library);
    temp.call('documents.saveReadingPosition', { documentId: 1, offset: 120 });
    expect(feed.poll()).toBeNull();
  });
});
