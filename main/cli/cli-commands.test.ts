import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, ActorPage, SearchResults } from '../common/records';
import { dispatch } from '../ops';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { runCliCaptured } from './run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-more-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => cliIn(dir, ...argv);
const cliIn = (library: string, ...argv: string[]) => runCliCaptured(library, dir, argv);

/** Sets up actors and a tagged passage the way the app would, through the operations table. */
function withTaggedPassage(): void {
  const library = openLibrary(path.join(dir, 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  };
  const text = (call('documents.get', { id: 1 }) as unknown as { text: string }).text;
  const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['AQMI'] });
  const mnla = call('actors.create', { name: 'MNLA', kind: 'group' });
  const start = text.indexOf('helped by AQMI');
  const h = call('highlights.create', { documentId: 1, start, end: start + 14, colour: 'red', comment: 'support from the north' });
  call('highlights.tag', { highlightId: h.id, actorId: aqim.id });
  call('highlights.tag', { highlightId: h.id, actorId: mnla.id });
  library.close();
}

describe('search, actors and replace on the command line', () => {
  it('searches with marked matches, and as JSON', async () => {
    const ran = await cli('search', 'wadoud');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/Documents\n {2}#1 Al-Quaeda and state sanctuary in the Islamic Maghreb\n.*\[Wadoud\]/);
    const json = JSON.parse((await cli('search', '"secure area"', '--json')).stdout) as SearchResults;
    expect(json.documents.map((d) => d.id)).toEqual([1]);
    expect((await cli('search', 'AND', '(', '"')).code).toBe(0);
  });

  it('lists actors and prints an actor’s passages as JSON', async () => {
    withTaggedPassage();
    const actors = JSON.parse((await cli('actors', '--json')).stdout) as Actor[];
    expect(actors.map((a) => [a.name, a.tagCount])).toEqual([['AQIM', 1], ['MNLA', 1]]);
    const page = JSON.parse((await cli('actor', String(actors[0]!.id), '--json')).stdout) as ActorPage;
    expect(page.passages.map((p) => p.highlight.exact)).toEqual(['helped by AQMI']);
    expect(page.cooccurring.map((c) => [c.actor.name, c.count])).toEqual([['MNLA', 1]]);
    expect((await cli('actor', String(actors[0]!.id))).stdout).toContain('“helped by AQMI” — Al-Quaeda and state sanctuary');
  });

  it('prints the actor network, as a table and as the JSON the issue names, and exports it for Gephi', async () => {
    withTaggedPassage();
    const ran = await cli('network');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/AQIM +group +1/);
    expect(ran.stdout).toMatch(/AQIM +MNLA +1/);
    const json = JSON.parse((await cli('network', '--json')).stdout) as unknown;
    expect(json).toEqual({
      nodes: [
        { id: expect.any(Number), name: 'AQIM', kind: 'group', passages: 1 },
        { id: expect.any(Number), name: 'MNLA', kind: 'group', passages: 1 },
      ],
      links: [{ source: expect.any(Number), target: expect.any(Number), weight: 1 }],
    });
    expect(JSON.parse((await cli('network', '--json', '--min-weight', '2')).stdout)).toMatchObject({ links: [] });
    expect(JSON.parse((await cli('network', '--json', '--kind', 'person')).stdout)).toEqual({ nodes: [], links: [] });
    const wrong = await cli('network', '--min-weight', 'none');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/weight/);

    const out = path.join(dir, 'actors.gexf');
    expect((await cli('export', '--format', 'gexf', '--out', out)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/<node id="a\d+" label="MNLA">/);
  });

  it('replaces a document with a newer version and reports how its highlights were placed', async () => {
    withTaggedPassage();
    const page = fs.readFileSync(path.join(packageResourcesDir(), 'aqim-state-sanctuary.html'), 'utf8').replace('<p>Firstly', '<p>A new opening.</p><p>Firstly');
    const file = path.join(dir, 'aqim-v2.html');
    fs.writeFileSync(file, page);
    const ran = await cli('import', '--replace', '1', file);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe(
      'replaced #1 “Al-Quaeda and state sanctuary in the Islamic Maghreb” with aqim-v2.html; 1 highlight: 1 placed exactly, 0 approximately, 0 orphaned\n',
    );
    expect((await cli('import', '--replace', '1', file, file)).code).toBe(2);
    expect((await cli('list', '--replace', '1')).stderr).toMatch(/unknown option --replace for list/);
  });

  it('rebuilds the search index', async () => {
    expect(await cli('reindex')).toEqual({ code: 0, stdout: 'The search index was rebuilt.\n', stderr: '' });
  });
});

describe('export and restore on the command line', () => {
  it('writes a document’s annotations as Markdown, a vault folder and a JSON archive that restores', async () => {
    withTaggedPassage();
    const out = path.join(dir, 'out');
    const markdown = await cli('export', '--format', 'markdown', '--document', '1', '--out', path.join(out, 'aqim.md'));
    expect(markdown).toMatchObject({ code: 0, stderr: '' });
    const text = fs.readFileSync(path.join(out, 'aqim.md'), 'utf8');
    expect(text).toContain('Al-Quaeda and state sanctuary in the Islamic Maghreb');
    expect(text).toContain('helped by AQMI');
    expect(text).toContain('support from the north');

    expect((await cli('export', '--format', 'vault', '--out', path.join(out, 'vault'))).code).toBe(0);
    expect(fs.readdirSync(path.join(out, 'vault')).sort()).toEqual(expect.arrayContaining(['Actors', 'Documents']));

    expect((await cli('export', '--format', 'json', '--out', path.join(out, 'library.json'))).code).toBe(0);
    const restoredDir = path.join(dir, 'restored');
    const restore = await cliIn(restoredDir, 'restore', path.join(out, 'library.json'));
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(/^restored: added 0 documents, 1 highlight, 2 actors, 0 mentions, 0 notes, 0 links, 0 themes\n$/);
    const actors = JSON.parse((await cliIn(restoredDir, 'actors', '--json')).stdout) as Actor[];
    expect(actors.map((a) => [a.name, a.aliases, a.tagCount])).toEqual([['AQIM', ['AQMI'], 1], ['MNLA', [], 1]]);
  });

  it('refuses a format that does not fit the scope, naming both', async () => {
    const ran = await cli('export', '--format', 'vault', '--note', '1', '--out', path.join(dir, 'x'));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--format vault cannot export a note/);
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});

describe('files that cannot be imported', () => {
  it('turns away a 100 MB file without reading it, and a file that vanished, naming each; the library is unchanged', async () => {
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 100 * 1024 * 1024);
    const before = (await cli('list', '--json')).stdout;
    const ran = await cli('import', huge, path.join(dir, 'gone.md'));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(
      `fieldbook: ${huge} was not imported: the file is 100 MB, over the 20 MB limit.\n` +
        `fieldbook: cannot read ${path.join(dir, 'gone.md')}: no such file\n`,
    );
    expect((await cli('list', '--json')).stdout).toBe(before);
  });
});

describe('backups on the command line', () => {
  it('backs up, lists the backup, and restores it with the current library kept aside', async () => {
    const made = await cli('backup');
    expect(made.code).toBe(0);
    const backupFile = /^backed up to (.+)\n$/.exec(made.stdout)![1]!;
    expect(JSON.parse((await cli('backups', '--json')).stdout).map((b: { file: string }) => b.file)).toEqual([backupFile]);

    const note = path.join(dir, 'later.md');
    fs.writeFileSync(note, '# Written after the backup\n\nThis document is not in the backup.\n');
    expect((await cli('import', note)).code).toBe(0);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(2);

    const restored = await cli('restore-backup', backupFile);
    expect(restored.code).toBe(0);
    const aside = /the library as it was is kept at (.+)\n$/.exec(restored.stdout)![1]!;
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1);
    expect(JSON.parse((await cliIn(aside, 'list', '--json')).stdout)).toHaveLength(2);
  });

  it('refuses a file that is not a Fieldbook backup and leaves the library alone', async () => {
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a database at all');
    const ran = await cli('restore-backup', bogus);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^fieldbook: .*bogus\.sqlite/);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1);
  });
});

describe('CSV for spreadsheets', () => {
  it('starts with a byte-order mark for Excel unless asked not to', async () => {
    withTaggedPassage();
    const withBom = path.join(dir, 'with.csv');
    const without = path.join(dir, 'without.csv');
    expect((await cli('export', '--format', 'csv', '--out', withBom)).code).toBe(0);
    expect((await cli('export', '--format', 'csv', '--bom', 'no', '--out', without)).code).toBe(0);
    expect([...fs.readFileSync(withBom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = fs.readFileSync(without, 'utf8');
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain).toContain('helped by AQMI');
    expect(plain).toContain('\r\n');
  });
});
