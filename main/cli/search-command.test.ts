import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../common/records';
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
