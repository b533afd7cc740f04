/**
 * A property of the archive: for any library a person can build, archive → restore into a new
 * library gives the same library, row for row and id for id, and restoring it again adds nothing.
 * Libraries are generated from a seed (printed in the test's name) through the operations, as the
 * app would build them: documents in several scripts, highlights (some deleted, some orphaned by
 * a new version of their document), actors with aliases, merged and deleted, and notes that
 * mention, link, quote and nest. Reproduce one with ROUNDTRIP_SEED=<seed>.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_KINDS, HIGHLIGHT_COLOURS } from '../../common/records';
import { CREDIBILITIES, RELIABILITIES } from '../../common/admiralty';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import type { OpName, OpOutputs } from '../../common/contract';
import type { Library } from '../db/library';
import { splitsCodePoint } from '../text/code-points';
import { libraryArchiveJson } from './library-archive';
import { restoreArchive } from './restore-archive';
import { body, callOn, paragraph, tempLibrary, text, type TempLibrary } from '../../testing/populated-library';
import { seededRandom, type SeededRandom } from '../../testing/seeded-random';

const SEEDS = process.env.ROUNDTRIP_SEED ? [Number(process.env.ROUNDTRIP_SEED)] : Array.from({ length: 12 }, (_, i) => 1000 + i);


const VOCABULARY = [
  'Gao', 'Kidal', 'Tombouctou', 'Ségou', 'Mopti', 'naïve', 'façade', 'Ærø', 'Łódź', 'convoy', 'market', 'river', 'dawn',
  'الساحل', 'مالي', 'تمبكتو', 'מאלי', 'שלום', 'Москва', 'Ελλάδα', '北京', '東京', '😀', '🌧', '👩🏽‍🔬', '𝔐opti', 'e\u0301te',
];
const sentence = (r: SeededRandom, n = 4 + r.int(10)) => Array.from({ length: n }, () => r.pick(VOCABULARY)).join(' ');

/** A plain text, Markdown or HTML file of a few paragraphs in mixed scripts. */
function documentFile(r: SeededRandom, paragraphs: string[]) {
  const kind = r.pick(['txt', 'md', 'html'] as const);
  const title = sentence(r, 3);
  const content =
    kind === 'html'
      ? `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p, i) => `<p>${p}<sup><a href="#note-${i}">${i}</a></sup></p>`).join('')}<ol>${paragraphs.map((_, i) => `<li id="note-${i}">${sentence(r, 3)}</li>`).join('')}</ol></article></body></html>`
      : kind === 'md'
        ? `# ${title}\n\n${paragraphs.join('\n\n')}\n`
        : `${paragraphs.join('\n\n')}\n`;
  return { name: `${title.replace(/[^\p{L}\p{N}]+/gu, '-') || 'doc'}-${r.int(1e6)}.${kind}`, base64: Buffer.from(content).toString('base64') };
}

/** A range of whole characters with some words in it, or null when the text has none. */
function someRange(r: SeededRandom, text: string): { start: number; end: number } | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    let start = r.int(Math.max(1, text.length - 1));
    let end = Math.min(text.length, start + 1 + r.int(60));
    if (splitsCodePoint(text, start)) start--;
    if (splitsCodePoint(text, end)) end++;
    if (end > start && text.slice(start, end).trim().length > 0) return { start, end };
  }
  return null;
}

/** Builds a library through the operations, as a person using the app would. */
function buildLibrary(library: Library, r: SeededRandom): void {
  const call = <N extends OpName>(name: N, input: unknown): OpOutputs[N] => callOn(library, name, input);
  const documents: Array<{ id: number; paragraphs: string[] }> = [];
  for (let i = 1 + r.int(3); i > 0; i--) {
    const paragraphs = Array.from({ length: 2 + r.int(4) }, () => sentence(r));
    const [outcome] = call('documents.import', { files: [documentFile(r, paragraphs)] });
    if (outcome?.status === 'imported') documents.push({ id: outcome.document.id, paragraphs });
  }
  const [bundled] = call('documents.list', {}).filter((d) => !documents.some((x) => x.id === d.id));
  const targets = [...documents.map((d) => d.id), ...(bundled ? [bundled.id] : [])];

  const actors: Array<{ id: number; uid: string; name: string }> = [];
  for (let i = r.int(6); i > 0; i--) {
    const name = `${sentence(r, 1 + r.int(2))} ${i}`;
    const aliases = Array.from({ length: r.int(3) }, (_, k) => `${sentence(r, 1)} alias ${i}.${k}`);
    const actor = call('actors.create', { name, kind: r.pick(ACTOR_KINDS), aliases, description: r.chance(0.5) ? sentence(r) : '' });
    actors.push({ id: actor.id, uid: actor.uid, name: actor.name });
  }

  const highlights: Array<{ id: number; uid: string; documentUid: string; quote: string; title: string }> = [];
  for (let i = r.int(12); i > 0; i--) {
    const documentId = r.pick(targets);
    const doc = call('documents.get', { id: documentId });
    const range = someRange(r, doc.text);
    if (!range) continue;
    const h = call('highlights.create', { documentId, ...range, colour: r.pick(HIGHLIGHT_COLOURS), comment: r.chance(0.4) ? sentence(r) : undefined });
    highlights.push({ id: h.id, uid: h.uid, documentUid: doc.uid, quote: h.exact, title: doc.title });
    for (const actor of actors) if (r.chance(0.3)) call('highlights.tag', { highlightId: h.id, actorId: actor.id });
    if (r.chance(0.15)) call('highlights.delete', { id: h.id });
  }
  // A new version of a document: its highlights move, stay or are orphaned.
  const replaced = documents.find(() => r.chance(0.5));
  if (replaced && replaced.paragraphs.length > 2) {
    const kept = replaced.paragraphs.filter((_, i) => i !== 1);
    call('documents.replace', { id: replaced.id, file: documentFile(r, [...kept, sentence(r)]) });
  }

  const notes: Array<{ id: number; uid: string; title: string }> = [];
  for (let i = r.int(5); i > 0; i--) notes.push({ ...call('notes.create', { title: sentence(r, 2) }) });
  const inline = (): unknown => {
    const roll = r.int(6);
    if (roll === 0 && actors.length > 0) {
      const actor = r.pick(actors);
      return { type: ACTOR_MENTION_NODE, version: 1, actorUid: actor.uid, name: actor.name };
    }
    if (roll === 1 && notes.length > 0) {
      const note = r.pick(notes);
      return { type: NOTE_LINK_NODE, version: 1, noteUid: note.uid, title: note.title };
    }
    return text(sentence(r, 1 + r.int(5)), r.pick([0, 0, 1, 2, 16]));
  };
  const block = (depth: number): unknown => {
    const roll = r.int(depth > 2 ? 3 : 5);
    if (roll === 3) {
      return { type: 'list', listType: r.pick(['bullet', 'number', 'check']), start: 1, tag: 'ul', version: 1, children: Array.from({ length: 1 + r.int(3) }, (_, k) => ({ type: 'listitem', value: k + 1, version: 1, children: r.chance(0.3) ? [block(depth + 1)] : [inline(), inline()] })) };
    }
    if (roll === 4 && highlights.length > 0) {
      const h = r.pick(highlights);
      return { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: h.uid, documentUid: h.documentUid, documentTitle: h.title, quote: h.quote };
    }
    if (roll === 2) return { type: 'quote', version: 1, children: [inline()] };
    return paragraph(...Array.from({ length: 1 + r.int(4) }, inline));
  };
  for (const note of notes) {
    call('notes.save', { id: note.id, title: note.title, body: body(...Array.from({ length: 1 + r.int(5) }, () => block(0))) });
  }
  if (actors.length >= 2 && r.chance(0.6)) {
    const [keep, merge] = [actors[0]!, actors[1]!];
    call('actors.merge', { keepId: keep.id, mergeId: merge.id });
    actors.splice(1, 1);
  }
  if (actors.length >= 2 && r.chance(0.3)) call('actors.delete', { id: actors.pop()!.id });
  if (notes.length > 0 && r.chance(0.3)) call('notes.delete', { id: r.pick(notes).id });
  // Source grades last, so the libraries built before grading existed are still the ones built.
  for (const documentId of targets) {
    if (r.chance(0.5)) call('documents.grade', { id: documentId, reliability: r.pick([...RELIABILITIES, null]), credibility: r.pick([...CREDIBILITIES, null]) });
  }
  const live = library.db.prepare('SELECT id FROM highlights WHERE deleted_at IS NULL ORDER BY id').all() as Array<{ id: number }>;
  for (const { id } of live) if (r.chance(0.3)) call('highlights.grade', { id, credibility: r.pick(CREDIBILITIES) });
}

/** Every table a user's work lives in, in id order, column for column; and the search indexes. */
function normalisedDump(library: Library) {
  const rows = (sql: string) => library.db.prepare(sql).all();
  return {
    documents: rows('SELECT * FROM documents ORDER BY id'),
    highlights: rows('SELECT * FROM highlights ORDER BY id'),
    actors: rows('SELECT * FROM actors ORDER BY id'),
    actor_aliases: rows('SELECT * FROM actor_aliases ORDER BY actor_id, position'),
    highlight_actors: rows('SELECT * FROM highlight_actors ORDER BY highlight_id, actor_id'),
    notes: rows('SELECT * FROM notes ORDER BY id'),
    links: rows('SELECT * FROM links ORDER BY from_note_id, target_kind, target_id'),
    actor_mentions: rows('SELECT * FROM actor_mentions ORDER BY id'),
    actors_fts: rows('SELECT rowid, name, aliases, description FROM actors_fts ORDER BY rowid'),
  };
}

function assertIndexesSound(library: Library): void {
  for (const fts of ['documents_fts', 'highlights_fts', 'notes_fts', 'actors_fts']) {
    library.db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`).run();
  }
  expect(library.db.pragma('foreign_key_check')).toEqual([]);
}

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-roundtrip-');
});
afterEach(() => t.cleanup());

describe('archive round trips over generated libraries', () => {
  it.each(SEEDS)('seed %i: archive → restore into a new library is the same library', (seed) => {
    const source = t.open(`source-${seed}.sqlite`);
    buildLibrary(source, seededRandom(seed));
    const json = libraryArchiveJson(source, '2026-12-04T00:00:00.000Z');
    if (process.env.ROUNDTRIP_VERBOSE) {
      const archive = JSON.parse(json) as Record<string, Array<Record<string, unknown>>>;
      console.log(seed, Object.entries(archive).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k}=${v.length}`).join(' '), 'orphans', archive.highlights!.filter((h) => h.anchorStatus === 'orphaned').length, 'footnotes', archive.documents!.filter((d) => String(d.html).includes('#user-content-')).length);
    }

    const fresh = t.open(`fresh-${seed}.sqlite`);
    const report = restoreArchive(fresh, json);
    expect(report.conflicts).toEqual([]);
    expect(normalisedDump(fresh)).toEqual(normalisedDump(source));
    expect(libraryArchiveJson(fresh, '2026-12-04T00:00:00.000Z')).toBe(json);
    assertIndexesSound(fresh);

    const again = restoreArchive(fresh, json);
    expect(again.added).toEqual({ documents: 0, highlights: 0, actors: 0, mentions: 0, notes: 0, links: 0, themes: 0 });
    expect(again.conflicts).toEqual([]);
    expect(normalisedDump(fresh)).toEqual(normalisedDump(source));
  });
});
