import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../common/fold-text';
import { prepareDocument, type PreparedDocument } from './import-document';

/*
 * Readability's own test pages (mozilla/readability test/test-pages), each with the article and
 * metadata Readability finds in it. An import is as good as Readability's when its title is
 * Readability's and its words are Readability's article's (word F1 at least 0.9: a remote image
 * is "[Image: alt]" here and a picture there, so not every word can match).
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/testdata/readability');
const MIN_F1 = 0.9;
const MIN_PASSING = 26;
/** Pages that once regressed (issue 12): titles taken from a site's heading, text lost or gained. */
const REGRESSED = ['quanta-1', 'v8-blog', 'ietf-1', 'medium-1', 'mozilla-1', 'yahoo-4', 'engadget', 'heise'];

interface PageResult {
  name: string;
  title: string;
  expectedTitle: string;
  f1: number;
  passes: boolean;
  document: PreparedDocument;
}

const quiet = () => ({ virtualConsole: new VirtualConsole() });

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of wordsOf(text)) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

/** Word F1 over bags of folded words: how much of each text the other one holds. */
function wordF1(ours: string, theirs: string): number {
  const a = wordBag(ours);
  const b = wordBag(theirs);
  let common = 0;
  for (const [word, count] of a) common += Math.min(count, b.get(word) ?? 0);
  const total = (bag: Map<string, number>) => [...bag.values()].reduce((sum, count) => sum + count, 0);
  if (common === 0) return 0;
  const precision = common / total(a);
  const recall = common / total(b);
  return (2 * precision * recall) / (precision + recall);
}

function importPage(name: string): PageResult {
  const folder = path.join(CORPUS, name);
  const expectedTitle = (JSON.parse(fs.readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8')) as { title: string }).title;
  const expectedText = new JSDOM(fs.readFileSync(path.join(folder, 'expected.html'), 'utf8'), quiet()).window.document.body.textContent ?? '';
  const document = prepareDocument('source.html', fs.readFileSync(path.join(folder, 'source.html')));
  const f1 = wordF1(document.text, expectedText);
  return { name, title: document.title, expectedTitle, f1, passes: document.title === expectedTitle && f1 >= MIN_F1, document };
}

function printTable(results: PageResult[]): void {
  const lines = results.map(
    (r) => `${r.passes ? 'pass' : 'FAIL'}  ${r.name.padEnd(18)} F1 ${r.f1.toFixed(3)}  ${r.title === r.expectedTitle ? 'title ok' : `title “${r.title}”, Readability’s “${r.expectedTitle}”`}`,
  );
  const passing = results.filter((r) => r.passes).length;
  console.log(`Readability's test pages: ${passing} of ${results.length} pass\n${lines.join('\n')}`);
}

/** The stored HTML as the reader parses it. */
function textAsParsed(html: string): string {
  const container = new JSDOM('<!doctype html><body><article></article></body>', quiet()).window.document.querySelector('article')!;
  container.innerHTML = html;
  return container.textContent ?? '';
}

describe('importing Readability’s own test pages', () => {
  if (!fs.existsSync(CORPUS)) throw new Error(`Readability's test pages are not at ${CORPUS}: shared/testdata must sit beside the project`);
  const names = fs
    .readdirSync(CORPUS)
    .filter((name) => fs.statSync(path.join(CORPUS, name)).isDirectory())
    .sort();
  const results = new Map<string, PageResult>();
  const result = (name: string) => {
    if (!results.has(name)) results.set(name, importPage(name));
    return results.get(name)!;
  };

  it('has the 28 pages', () => {
    expect(names).toHaveLength(28);
  });

  it(`finds Readability’s title and article in at least ${MIN_PASSING} of them`, () => {
    const all = names.map(result);
    printTable(all);
    expect(all.filter((r) => r.passes).length).toBeGreaterThanOrEqual(MIN_PASSING);
  }, 120_000); // 28 real pages, on a machine that may be busy

  it.each(REGRESSED)('%s: Readability’s title and article', (name) => {
    const { title, expectedTitle, f1 } = result(name);
    expect(title).toBe(expectedTitle);
    expect(f1).toBeGreaterThanOrEqual(MIN_F1);
  });

  it.each(names)('%s: the stored text is exactly what its stored HTML shows', (name) => {
    const { document } = result(name);
    expect(textAsParsed(document.html)).toBe(document.text);
  });
});
