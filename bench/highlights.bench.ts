import path from 'node:path';
import { HIGHLIGHT_COLOURS, type Highlight } from '../main/common/records';
import { anchor, AnchorTarget, type Selectors } from '../main/core/highlights/anchor';
import { reanchorInReadingOrder } from '../main/core/highlights/reanchor';
import { prepareDocument } from '../main/core/import/import-document';
import { openLibrary } from '../main/core/open-library';
import { packageResourcesDir } from '../main/core/resources-dir';
import { n, rowMaker, type Benchmark } from './benchmark';
import { call, upload } from './call';
import { editProse } from './edit-prose';
import { blocksToMarkdown, Prose } from './generate-prose';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';
import { randomWordCount, randomWordRange, wordRangeAt } from './word-ranges';

const WORDS = 50_000;
const HIGHLIGHTS = 2_000;
const EDIT_RATE = 0.05;
const ANCHOR_RUNS = 10;
const TITLE = 'Field report on the northern frontier';

/** Repeated through the text, so highlights on them must be told apart by their context. */
const STOCK_PHRASES = [
  'the security situation in the north',
  'according to local sources',
  'armed groups operating in the region',
  'in the months that followed',
  'the border between the two states',
  'a senior official said',
  'the local population',
  'along the main supply route',
];

export const highlightsBenchmark: Benchmark = {
  name: 'highlights',
  run({ workDir, log, built }) {
    const library = openLibrary(path.join(workDir, 'library', 'library.sqlite'), { resourcesDir: packageResourcesDir() });
    try {
      const row = rowMaker('highlights');
      const pick = new Picker(seededRandom(0x4119));
      const prose = new Prose(pick, { phrases: STOCK_PHRASES, phraseRate: 0.15 });

      // The document, imported as Markdown as a user would.
      const building = performance.now();
      const original = prose.blocks(WORDS);
      const imported = call(library, 'documents.import', { files: [upload('field-report.md', blocksToMarkdown(TITLE, original.blocks))] })[0]!;
      if (imported.status !== 'imported') throw new Error(`the report was not imported: ${JSON.stringify(imported)}`);
      const documentId = imported.document.id;
      const { text } = call(library, 'documents.get', { id: documentId });
      built(`a ${n(original.words)}-word Markdown document (imported through documents.import)`, performance.now() - building);

      // 2,000 highlights: most at random, some on repeated phrases, some overlapping earlier ones.
      const phraseAt: Array<{ start: number; end: number }> = [];
      for (const phrase of STOCK_PHRASES) {
        for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) phraseAt.push({ start: at, end: at + phrase.length });
      }
      const createMs: number[] = [];
      const created: Highlight[] = [];
      let onPhrases = 0;
      let overlapping = 0;
      for (let i = 0; i < HIGHLIGHTS; i++) {
        const roll = pick.random();
        let range: { start: number; end: number };
        if (roll < 0.1 && phraseAt.length > 0) {
          range = pick.pick(phraseAt);
          onPhrases++;
        } else if (roll < 0.25 && created.length > 0) {
          const earlier = pick.pick(created);
          range = wordRangeAt(text, pick.int(earlier.start, earlier.end - 1), randomWordCount(pick));
          overlapping++;
        } else {
          range = randomWordRange(pick, text);
        }
        const input = { documentId, ...range, colour: pick.pick(HIGHLIGHT_COLOURS) };
        const { ms, result } = timed(() => call(library, 'highlights.create', input));
        if (result.start !== range.start || result.end !== range.end) throw new Error('a highlight was not created where asked');
        createMs.push(ms);
        created.push(result);
      }
      log(`  ${n(HIGHLIGHTS)} highlights: ${onPhrases} on repeated phrases, ${overlapping} starting inside an earlier one`);

      // Opening the document: every highlight anchored on the stored text.
      const stored = call(library, 'highlights.list', { documentId });
      const selectors = stored.map(selectorsOf);
      const anchorMs: number[] = [];
      for (let run = 0; run < ANCHOR_RUNS; run++) {
        const { ms, result } = timed(() => {
          const target = new AnchorTarget(text);
          return selectors.map((s) => anchor(target, s));
        });
        if (result.some((a) => a.status !== 'exact')) throw new Error('a highlight did not anchor exactly on unchanged text');
        anchorMs.push(ms);
      }

      // A revised version: ~5% of the words changed, then documents.replace re-anchors every highlight.
      const revised = editProse(original.blocks, prose, EDIT_RATE);
      const edits = revised.counts.insertions + revised.counts.deletions + revised.counts.substitutions;
      const file = upload('field-report.md', blocksToMarkdown(TITLE, revised.blocks));
      const { ms: replaceMs, result: report } = timed(() => call(library, 'documents.replace', { id: documentId, file }));
      const newText = call(library, 'documents.get', { id: documentId }).text;
      const editedInside = stored.filter((h) => !newText.includes(h.exact)).length;
      log(
        `  revision: ${n(edits)} edits (${revised.counts.insertions} insertions, ${revised.counts.deletions} deletions, ` +
          `${revised.counts.substitutions} substitutions) in ${n(original.words)} words; ${n(editedInside)} highlighted passages no longer appear as they were`,
      );

      // The same re-anchoring in the core alone, and the parse the op does first, to show where the op's time goes.
      const prepareMs = timed(() => prepareDocument('field-report.md', Buffer.from(file.base64, 'base64'))).ms;
      const reanchorMs = timed(() => reanchorInReadingOrder(newText, selectors.map((s, index) => ({ id: index, selectors: s })))).ms;

      const h = n(HIGHLIGHTS);
      return [
        row(`create one highlight, p50 of ${h}`, percentile(createMs, 50), 'ms', 5),
        row(`create one highlight, p95 of ${h}`, percentile(createMs, 95), 'ms', 5),
        row(`anchor all ${h} on open (core), p50 of ${ANCHOR_RUNS}`, percentile(anchorMs, 50), 'ms', 100),
        row(`anchor all ${h} on open (core), slowest of ${ANCHOR_RUNS}`, Math.max(...anchorMs), 'ms', 100),
        row(`re-anchor all ${h} after a ${EDIT_RATE * 100}% edit (core)`, reanchorMs, 'ms', 1000),
        row(`  documents.replace in all: parse, re-anchor, save ${h} rows`, replaceMs, 'ms'),
        row('  of which parsing the new version (prepareDocument)', prepareMs, 'ms'),
        row('  placed exactly', report.exact, 'count'),
        row('  placed approximately', report.approximate, 'count'),
        row('  orphaned', report.orphaned, 'count'),
      ];
    } finally {
      library.close();
    }
  },
};

function selectorsOf(h: Highlight): Selectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
    position: { type: 'TextPositionSelector', start: h.start, end: h.end },
  };
}
