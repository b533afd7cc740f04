import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLibrary, type TempLibrary } from '../../testing/temp-library';
import { obsidianVaultFolder } from './export-files';
import { writeExportFolder } from './export-output';

/** The real PDFs and EPUB of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const DOCUMENTS = path.resolve(repoRoot, '../shared/testdata/documents');
const bytesOf = (name: string) => fs.readFileSync(path.join(DOCUMENTS, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TempLibrary;
/** Each test file's document, by its uid, which its note's front matter names. */
const uids = new Map<string, string>();

beforeAll(() => {
  expect(fs.existsSync(DOCUMENTS), `the test documents are not at ${DOCUMENTS}: shared/testdata must sit beside the project`).toBe(true);
  t = tempLibrary('fieldbook-vault-files-');
  const files = [
    { name: 'tracemonkey.pdf', from: 'tracemonkey.pdf' },
    { name: 'moby-dick.epub', from: 'moby-dick.epub' },
    // Another PDF under the same name once its "#" (which would end a wikilink) is gone, but for case; one under a Windows device name.
    { name: 'TRACEMONKEY#.PDF', from: 'issue16063.pdf' },
    { name: 'CON.pdf', from: 'issue11656.pdf' },
  ];
  const outcomes = t.call('documents.import', { files: files.map(({ name, from }) => ({ name, base64: bytesOf(from).toString('base64') })) });
  outcomes.forEach((outcome, i) => {
    expect(outcome.status, outcome.fileName).toBe('imported');
    if (outcome.status === 'imported') uids.set(files[i]!.from, outcome.document.uid);
  });
}, 120_000);

afterAll(() => t?.cleanup());

const WIKILINK = /(!?)\[\[([^\]|#]+)(?:#[^\]|]+)?(?:\|[^\]]*)?\]\]/g;

describe('the Obsidian vault’s PDFs and EPUBs', () => {
  it('carries each imported file byte for byte, under a safe name of its own, linked from its document’s note', () => {
    const { files } = obsidianVaultFolder(t.library);
    const attachments = files.filter((file) => file.path.startsWith('Attachments/'));
    expect(attachments.map((file) => file.path).sort()).toEqual(
      ['Attachments/CON_.pdf', 'Attachments/TRACEMONKEY (2).pdf', 'Attachments/moby-dick.epub', 'Attachments/tracemonkey.pdf'].sort(),
    );
    const bytesAt = (name: string) => Buffer.from(attachments.find((file) => file.path === `Attachments/${name}`)!.content, 'base64');
    expect(sha256(bytesAt('tracemonkey.pdf'))).toBe(sha256(bytesOf('tracemonkey.pdf')));
    expect(sha256(bytesAt('moby-dick.epub'))).toBe(sha256(bytesOf('moby-dick.epub')));
    expect(sha256(bytesAt('TRACEMONKEY (2).pdf'))).toBe(sha256(bytesOf('issue16063.pdf')));
    expect(sha256(bytesAt('CON_.pdf'))).toBe(sha256(bytesOf('issue11656.pdf')));
    for (const file of attachments) expect(file.encoding, file.path).toBe('base64');

    // A PDF is embedded, which Obsidian shows in its own viewer; an EPUB, which it cannot show, is linked.
    const noteOf = (from: string) => files.find((file) => file.path.startsWith('Documents/') && file.content.includes(`\nid: "${uids.get(from)}"\n`))!.content;
    expect(noteOf('tracemonkey.pdf')).toMatch(/\n## Original file\n\n!\[\[tracemonkey\.pdf\]\]\n$/);
    expect(noteOf('moby-dick.epub')).toMatch(/\n## Original file\n\n\[\[moby-dick\.epub\]\]\n$/);
    expect(noteOf('issue16063.pdf')).toContain('![[TRACEMONKEY (2).pdf]]');

    // Every link names exactly one file of the vault: a note by its base name, an attachment by its whole name.
    const linkName = (file: { path: string }) => (file.path.endsWith('.md') ? path.posix.basename(file.path, '.md') : path.posix.basename(file.path)).toLowerCase();
    const linkNames = files.map(linkName);
    expect(new Set(linkNames).size).toBe(linkNames.length);
    const embedded: string[] = [];
    for (const file of files.filter((f) => f.path.endsWith('.md'))) {
      for (const [, bang, target] of file.content.matchAll(WIKILINK)) {
        expect(linkNames, `${file.path} links to [[${target}]]`).toContain(target!.toLowerCase());
        if (bang) embedded.push(target!);
      }
    }
    expect(embedded.sort()).toEqual(['CON_.pdf', 'TRACEMONKEY (2).pdf', 'tracemonkey.pdf']);
  });

  it('lands on disk as the very files imported, and a later export leaves them be', () => {
    const target = path.join(t.dir, 'vault');
    const { files } = obsidianVaultFolder(t.library);
    const onDisk = files.map((file) => ({ path: file.path, content: file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content }));
    writeExportFolder(target, 'vault', onDisk);
    expect(sha256(fs.readFileSync(path.join(target, 'Attachments', 'tracemonkey.pdf')))).toBe(sha256(bytesOf('tracemonkey.pdf')));
    expect(sha256(fs.readFileSync(path.join(target, 'Attachments', 'moby-dick.epub')))).toBe(sha256(bytesOf('moby-dick.epub')));
    expect(writeExportFolder(target, 'vault', onDisk)).toMatchObject({ written: 0, unchanged: files.length, removed: 0 });
  });

  it('names each file without carrying it when the person chooses a vault that refers to them', () => {
    const { files } = obsidianVaultFolder(t.library, new Date(), 'refer');
    expect(files.filter((file) => file.path.startsWith('Attachments/') || file.encoding === 'base64')).toEqual([]);
    const noteOf = (from: string) => files.find((file) => file.path.startsWith('Documents/') && file.content.includes(`\nid: "${uids.get(from)}"\n`))!.content;
    // 1,016,315 and 1,628,175 bytes, as a file manager counts them.
    expect(noteOf('tracemonkey.pdf')).toContain(
      `\n## Original file\n\nNot in this vault: “tracemonkey.pdf” (PDF, 992 KB), SHA-256 \`${sha256(bytesOf('tracemonkey.pdf'))}\`.\n`,
    );
    expect(noteOf('moby-dick.epub')).toContain('Not in this vault: “moby-dick.epub” (EPUB, 1.6 MB), SHA-256');
    // Nothing links to a file the vault does not hold.
    for (const file of files) expect(file.content, file.path).not.toMatch(/\[\[[^\]]+\.(pdf|epub)\]\]/i);
  });
});
