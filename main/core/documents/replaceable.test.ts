import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');
const upload = (name: string, bytes: Uint8Array | string) => ({ name, base64: Buffer.from(bytes).toString('base64') });

let t: TempLibrary;
const ids = new Map<string, number>();

beforeAll(() => {
  t = tempLibrary();
  const outcomes = t.call('documents.import', {
    files: ['issue11656.pdf', 'calibre-quick-start.epub'].map((name) => upload(name, fs.readFileSync(path.join(DOCUMENTS, name)))),
  });
  for (const outcome of outcomes) if (outcome.status === 'imported') ids.set(outcome.fileName, outcome.document.id);
  expect([...ids.keys()]).toEqual(['issue11656.pdf', 'calibre-quick-start.epub']);
  const imported = new Set(ids.values());
  ids.set('bundled article', t.call('documents.list', {}).find((document) => !imported.has(document.id))!.id);
}, 120_000);

afterAll(() => t?.cleanup());

/** Whether the core took a newer version: what the reader's Replace button must have promised. */
function replaced(id: number): boolean {
  try {
    t.call('documents.replace', { id, file: upload('newer.md', `# Newer\n\nA newer version of document ${id}.\n`) });
    return true;
  } catch (error) {
    // Only the refusal counts as "not replaceable": a clash or a bad file would be this test's mistake.
    if (String(error).includes(': refused: ')) return false;
    throw error;
  }
}

describe('whether a document can be replaced by a newer version', () => {
  it('is said by documents.parts as the refusal decides it: a PDF not yet, a page or a book yes', () => {
    const said = new Map([...ids].map(([name, id]) => [name, t.call('documents.parts', { id }).replaceable]));
    expect(Object.fromEntries(said)).toEqual({ 'issue11656.pdf': false, 'calibre-quick-start.epub': true, 'bundled article': true });
    for (const [name, id] of ids) expect(replaced(id), name).toBe(said.get(name));
  });

  it('leaves a refused PDF as it was, still not replaceable', () => {
    const id = ids.get('issue11656.pdf')!;
    expect(t.errorOf('documents.replace', { id, file: upload('newer.txt', 'Newer text.') })).toMatchObject({ code: 'refused' });
    expect(t.call('documents.parts', { id })).toMatchObject({ file: { kind: 'pdf' }, replaceable: false });
  });
});
