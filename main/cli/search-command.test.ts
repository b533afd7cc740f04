import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../common/records';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';
import { dispatch } from '../ops';
import { runCliCaptured } from './run-cli-captured';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-search-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(path.join(dir, 'library'), dir, argv);

/** The reproduction: three reports, one sentence each, that differ by the day and its place. */
function writeFieldReports(): string[] {
  return [1, 2, 3].map((n) => {
    const file = path.join(dir, `report-${n}.md`);
    const preamble = 'The patrol waited at the ferry for news. '.repeat(n * 2);
    fs.writeFileSync(file, `# Field report ${n}\n\n${preamble}\n\nThe convoy crossed the river near Gao on day ${n}, watched from the bank.\n`);
    return file;
  });
}

describe('fieldbook search with several matching documents', () => {
  it('prints each document with its own passage', async () => {
    expect((await cli('import', ...writeFieldReports())).code).toBe(0);
    const ran = await cli('search', 'convoy');
    expect(ran.code).toBe(0);
    for (const n of [1, 2, 3]) {
      expect(ran.stdout).toMatch(new RegExp(`#\\d+ Field report ${n}\\n {4}.*\\[convoy\\] crossed the river near Gao on day ${n},`));
    }
  });

  it('gives each document its own jump target in JSON', async () => {
    await cli('import', ...writeFieldReports());
    const results = JSON.parse((await cli('search', 'convoy', '--json')).stdout) as SearchResults;
    const reports = results.documents.filter((d) => d.title.startsWith('Field report'));
    expect(reports).toHaveLength(3);
    const shown = await Promise.all(reports.map(async (d) => JSON.parse((await cli('show', String(d.id), '--json')).stdout) as { text: string }));
    reports.forEach((d, i) => {
      const { text } = shown[i]!;
      expect(text.slice(d.match!.start, d.match!.end)).toBe('convoy');
      expect(text.slice(d.match!.start, d.match!.start + 60)).toContain(`day ${d.title.slice(-1)}`);
      expect(d.snippet.map((s) => s.text).join('')).toContain(`day ${d.title.slice(-1)}`);
    });
    expect(new Set(reports.map((d) => d.match!.start)).size).toBe(3);
  });
});

/** Three analyses that each hold "convoy" in a different piece, made as the app would. */
function writeAnalyses(): void {
  fs.mkdirSync(path.join(dir, 'library'), { recursive: true });
  const library = openLibrary(path.join(dir, 'library', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  };
  const north = call('ach.create', { name: 'Who holds the north' }).id;
  call('ach.addHypothesis', { analysisId: north, text: 'Smugglers' });
  call('ach.addHypothesis', { analysisId: north, text: 'A convoy from Gao' });
  call('ach.create', { name: 'The army', question: 'Did the convoy reach Mopti?' });
  const ransom = call('ach.create', { name: 'Ransoms' }).id;
  call('ach.addEvidence', { analysisId: ransom, text: 'A convoy paid at Tessalit' });
  library.close();
}

describe('fieldbook search with analyses', () => {
  it('prints each analysis with the piece that matched and its own words', async () => {
    writeAnalyses();
    const ran = await cli('search', 'convoy');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/Analyses\n/);
    expect(ran.stdout).toMatch(/#\d+ Who holds the north\n {4}Hypothesis H2: A \[convoy\] from Gao/);
    expect(ran.stdout).toMatch(/#\d+ The army\n {4}Question: Did the \[convoy\] reach Mopti\?/);
    expect(ran.stdout).toMatch(/#\d+ Ransoms\n {4}Evidence E1: A \[convoy\] paid at Tessalit/);
  });

  it('gives them in JSON too', async () => {
    writeAnalyses();
    const results = JSON.parse((await cli('search', 'convoy', '--json')).stdout) as SearchResults;
    expect(results.analyses.map((r) => [r.name, r.field, r.label]).sort()).toEqual([
      ['Ransoms', 'evidence', 'E1'],
      ['The army', 'question', null],
      ['Who holds the north', 'hypothesis', 'H2'],
    ]);
  });
});

/** Real documents of ../shared/testdata/documents/ (its README says where each is from); never copied here. */
const DOCUMENTS = path.resolve(import.meta.dirname, '../../../shared/testdata/documents');

/** A highlight made as the app would (the command line makes none). */
function highlightInLibrary(documentId: number, phrase: string): void {
  const library = openLibrary(path.join(dir, 'library', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
  const call = (name: string, input: unknown) => {
    const result = dispatch({ library }, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { text: string };
  };
  const start = call('documents.get', { id: documentId }).text.indexOf(phrase);
  call('highlights.create', { documentId, start, end: start + phrase.length, colour: 'yellow' });
  library.close();
}

describe('fieldbook search in PDFs and EPUBs', () => {
  it('says the page or chapter each passage and highlight is in', async () => {
    const imported = await cli('import', path.join(DOCUMENTS, 'tracemonkey.pdf'), path.join(DOCUMENTS, 'moby-dick.epub'));
    expect(imported.code).toBe(0);
    const novelId = Number(/imported moby-dick\.epub as #(\d+)/.exec(imported.stdout)![1]);
    highlightInLibrary(novelId, 'I handed the work for translation');
    const ran = await cli('search', 'translation');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/#\d+ Trace-based Just-in-Time Type Specialization for Dynamic Languages · p\. 4\n {4}.*a \[translation\] that/);
    expect(ran.stdout).toMatch(/#\d+ Moby-Dick · Chapter 101\. The Decanter\.\n {4}.*the work for \[translation\]/);
    expect(ran.stdout).toMatch(/Highlights\n {2}#\d+ in “Moby-Dick” · Chapter 101\. The Decanter\. \(yellow\)\n {4}I handed the work for \[translation\]/);
    const results = JSON.parse((await cli('search', 'translation', '--json')).stdout) as SearchResults;
    expect(results.documents.map((d) => d.place).sort()).toEqual(['Chapter 101. The Decanter.', 'p. 4']);
  }, 120_000);
});
