import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../run-cli-captured';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const ATLAS_SAMPLE = path.resolve(repoRoot, '../shared/testdata/refi-qda/atlas.qdpx');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-qdpx-import-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(dir, dir, argv);

describe('fieldbook import of a REFI-QDA project', () => {
  it('prints the themes the ATLAS.ti sample added, and nothing the second time', async () => {
    const run = await cli('import', ATLAS_SAMPLE);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'imported atlas.qdpx, the REFI-QDA project “target-atlas-project” from ATLAS.ti for Windows 23.2.3.27778: added 0 documents, 3 themes, 0 actors, 0 highlights, 0 notes',
        '  added theme #1 “Commits”',
        '  added theme #2 “2022-05-10T02:05:59Z 19e4dce”',
        '  added theme #3 “2022-02-11T10:39:25Z cdbfd92”',
        '',
      ].join('\n'),
    );
    expect((await cli('import', ATLAS_SAMPLE)).stdout).toMatch(/added 0 documents, 0 themes, 0 actors, 0 highlights, 0 notes\n$/);
  });

  it('knows a project by what it holds, whatever it is called, and prints what it left out by name', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork" origin="MAXQDA 2022">
      <CodeBook><Codes><Code guid="c1" name="Water" isCodable="true"/></Codes></CodeBook>
      <Sources>
        <TextSource guid="t1" name="Mayor interview" plainTextPath="internal://t1.txt">
          <PlainTextSelection guid="p1" name="well" startPosition="13" endPosition="17"><Coding guid="k1"><CodeRef targetGUID="c1"/></Coding></PlainTextSelection>
        </TextSource>
        <AudioSource guid="a1" name="interview.mp3" path="internal://a1.mp3"><AudioSelection guid="as1" begin="0" end="10"/></AudioSource>
      </Sources></Project>`;
    const file = path.join(dir, 'fieldwork.zip');
    fs.writeFileSync(file, zipSync({ 'project.qde': strToU8(xml), 'sources/t1.txt': strToU8('The mayor: a well is dry.') }));
    const run = await cli('import', file);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('imported fieldwork.zip, the REFI-QDA project “Fieldwork” from MAXQDA 2022: added 1 document, 1 theme, 0 actors, 1 highlight, 0 notes\n');
    expect(run.stdout).toMatch(/ {2}added document #\d+ “Mayor interview”\n/);
    expect(run.stdout).toContain('  skipped audio source “interview.mp3”: Fieldbook holds text only; its one audio selection was left out\n');
  });

  it('refuses a damaged project with the reason, and goes on to the next file', async () => {
    const broken = path.join(dir, 'broken.qdpx');
    fs.writeFileSync(broken, fs.readFileSync(ATLAS_SAMPLE).subarray(0, 200));
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'Notes from Gao\n\nThe market reopened.');
    const run = await cli('import', broken, notes);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.qdpx was not imported: the zip is damaged or cut short .*Nothing was added to the library\./);
    expect(run.stdout).toMatch(/^imported notes\.txt as #\d+ “Notes from Gao”\n$/);
  });
});
