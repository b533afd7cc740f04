/**
 * Every operation, called with random input: plausible shapes with one thing wrong, and shapes
 * nothing should send (huge numbers, deep nesting, long strings, lone surrogates, hostile HTML).
 * No answer may be `internal`, and the library must be sound afterwards. Seeded, so a failure
 * reproduces: FUZZ_SEED=<seed printed in the failure> npx vitest run main/ops.fuzz.test.ts
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_KINDS, HIGHLIGHT_COLOURS } from './common/records';
import { CREDIBILITIES, RELIABILITIES } from './common/admiralty';
import { ACH_RATINGS } from './common/hypotheses';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from './common/note-format';
import { DOCUMENT_ATTRIBUTES, DOCUMENT_TAGS, SAFE_LINK } from './common/document-policy';
import { OP_NAMES, type OpName } from './common/contract';
import type { Library } from './core/db/library';
import { fragmentElement } from './core/import/dom-window';
import { body, paragraph, tempLibrary, text, type TempLibrary } from './testing/temp-library';
import { dispatch } from './ops';
import { seededRandom, type SeededRandom } from './testing/seeded-random';

const SEED = Number(process.env.FUZZ_SEED ?? 13_2026);
const CALLS = Number(process.env.FUZZ_CALLS ?? 1200);


const WORDS = ['Gao', 'Kidal', 'Tombouctou', 'AQIM', 'Mopti', 'الساحل', 'מאלי', 'naïve', 'Ségou', '😀', '👩🏽‍🔬', '𝔐', 'e\u0301', '\u200f', 'x\ud800', '\udfffy', 'NEAR', 'AND', 'OR', 'NOT', '"', '*', '(', ')', '^', ':', '-', "'; DROP TABLE notes; --", '%', '_', '\\'];
const ODD_STRINGS = ['', ' ', '\n', '\u0000', '\ud800', '\udc00x', 'a\ud83d', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', 'constructor', 'x'.repeat(70_000)];
const ODD_NUMBERS = [0, -1, 1.5, -0, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e20, -1e20, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];

function words(r: SeededRandom, n = 1 + r.int(8)): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(r.chance(0.8) ? ' ' : '');
}

function oddString(r: SeededRandom): string {
  return r.chance(0.5) ? r.pick(ODD_STRINGS) : words(r) + r.pick(ODD_STRINGS);
}

/** Any JSON-ish value, sometimes nested far deeper than any input should be. */
function anyValue(r: SeededRandom, depth = 0): unknown {
  const roll = r.int(depth > 3 ? 4 : 7);
  switch (roll) {
    case 0:
      return r.pick([null, true, false, undefined]);
    case 1:
      return r.chance(0.5) ? r.pick(ODD_NUMBERS) : r.int(50);
    case 2:
    case 3:
      return oddString(r);
    case 4:
      // Deep enough to pass any sane limit, shallow enough for JSON.stringify to write it into an archive.
      if (r.chance(0.05)) return deeplyNested(r, 300 + r.int(700));
      return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) out[r.pick(['id', 'type', 'children', 'root', 'name', 'x', oddString(r)])] = anyValue(r, depth + 1);
      return out;
    }
  }
}

/** Built without recursion, as deep as asked. */
function deeplyNested(r: SeededRandom, levels: number): unknown {
  let value: unknown = r.chance(0.5) ? [] : {};
  for (let i = 0; i < levels; i++) value = r.chance(0.5) ? [value] : { type: 'paragraph', children: [value] };
  return value;
}

/** The library's ids as they stand, so plausible inputs name real rows most of the time. */
function idsIn(library: Library) {
  const ids = (table: string) => (library.db.prepare(`SELECT id FROM ${table}`).all() as Array<{ id: number }>).map((row) => row.id);
  return { document: ids('documents'), highlight: ids('highlights'), actor: ids('actors'), note: ids('notes'), theme: ids('themes') };
}

function uidsIn(library: Library) {
  const uids = (table: string) => (library.db.prepare(`SELECT uid FROM ${table}`).all() as Array<{ uid: string }>).map((row) => row.uid);
  return { document: uids('documents'), highlight: uids('highlights'), actor: uids('actors'), note: uids('notes') };
}

function plausibleInput(r: SeededRandom, name: OpName, library: Library): Record<string, unknown> {
  const ids = idsIn(library);
  const id = (kind: keyof typeof ids) => (r.chance(0.85) && ids[kind].length > 0 ? r.pick(ids[kind]) : r.pick([1, 2, 999, ...ODD_NUMBERS]));
  const uids = uidsIn(library);
  // A body names rows by uid: mostly real ones, sometimes one naming nothing, a null, or something that is not a uid.
  const uid = (kind: keyof typeof uids) =>
    r.chance(0.8) && uids[kind].length > 0 ? r.pick(uids[kind]) : r.pick<unknown>([null, 'no-such-row', '', 'two words', 'x'.repeat(201), ...ODD_NUMBERS]);
  const offset = (documentId: unknown) => {
    const row = library.db.prepare('SELECT text FROM document_bodies WHERE document_id = ?').get(typeof documentId === 'number' ? documentId : -1) as { text: string } | undefined;
    const text = row?.text ?? '';
    // Offsets between the two halves of an emoji are rare by chance and worth trying on purpose.
    const inside = [...text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)].map((m) => m.index + 1);
    if (inside.length > 0 && r.chance(0.3)) return r.pick(inside);
    return r.chance(0.9) ? r.int(text.length + 2) : r.pick(ODD_NUMBERS);
  };
  const colour = () => (r.chance(0.9) ? r.pick(HIGHLIGHT_COLOURS) : oddString(r));
  // Mostly the code, sometimes null (clear, or "not graded"), sometimes what looks like it and is not.
  const reliability = () => (r.chance(0.8) ? r.pick([...RELIABILITIES, null]) : r.pick<unknown>(['a', 'G', 'AB', '', 1, ...ODD_NUMBERS]));
  const credibility = () => (r.chance(0.8) ? r.pick([...CREDIBILITIES, null]) : r.pick<unknown>(['2', 0, 7, 2.5, 'B', ...ODD_NUMBERS]));
  const file = () => {
    const content = r.chance(0.5)
      ? `<html><head><title>${words(r)}</title></head><body><article><h1>${words(r)}</h1><p>${words(r, 40)}</p><p>${oddString(r)}</p><svg><p><style><img src=x onerror=alert(1)></style></p></svg><p>${words(r, 30)}</p></article></body></html>`
      : `# ${words(r)}\n\n${words(r, 60)}\n\n${oddString(r)}`;
    return { name: `${words(r, 1)}.${r.pick(['html', 'md', 'txt', 'pdf', ''])}`, base64: Buffer.from(content).toString('base64') };
  };
  const noteNode = (depth: number): unknown => {
    const roll = r.int(depth > 4 ? 5 : 8);
    if (roll === 0) return { type: NOTE_LINK_NODE, version: 1, noteUid: uid('note'), title: words(r) };
    if (roll === 1) return { type: ACTOR_MENTION_NODE, version: 1, actorUid: uid('actor'), name: words(r) };
    if (roll === 2) return { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: uid('highlight'), documentUid: uid('document'), documentTitle: words(r), quote: words(r) };
    if (roll === 3) return { type: 'linebreak', version: 1 };
    if (roll === 4) return text(r.chance(0.8) ? words(r) : oddString(r), r.int(32));
    return { type: r.pick(['paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'link']), version: 1, tag: 'h2', url: oddString(r), listType: r.pick(['bullet', 'number', 'check']), children: Array.from({ length: r.int(4) }, () => noteNode(depth + 1)) };
  };
  // Analyses' rows, read apart from idsIn so the ACH cases stay in one place.
  const achRowId = (table: 'analyses' | 'analysis_hypotheses' | 'analysis_evidence') => {
    const rows = (library.db.prepare(`SELECT id FROM ${table}`).all() as Array<{ id: number }>).map((row) => row.id);
    return r.chance(0.85) && rows.length > 0 ? r.pick(rows) : r.pick([1, 999, ...ODD_NUMBERS]);
  };
  const analysisId = () => achRowId('analyses');
  switch (name) {
    case 'documents.get':
    case 'export.documentMarkdown':
    case 'export.documentHtml':
      return { id: id('document') };
    case 'documents.import':
      return { files: Array.from({ length: 1 + r.int(2) }, file) };
    case 'documents.replace':
      return { id: id('document'), file: file() };
    case 'highlights.all':
      return {
        order: r.pick(['newest', 'reading', 'oldest']),
        ...(r.chance(0.5) ? { documentId: id('document') } : {}),
        ...(r.chance(0.5) ? { actorId: id('actor') } : {}),
        ...(r.chance(0.5) ? { colour: colour() } : {}),
        ...(r.chance(0.3) ? { createdFrom: r.chance(0.8) ? '2026-01-01T00:00:00+02:00' : oddString(r) } : {}),
        ...(r.chance(0.3) ? { createdBefore: r.chance(0.8) ? '2026-06-01T00:00:00Z' : oddString(r) } : {}),
        ...(r.chance(0.3) ? { reliability: Array.from({ length: r.int(3) }, reliability) } : {}),
        ...(r.chance(0.3) ? { credibility: Array.from({ length: r.int(3) }, credibility) } : {}),
      };
    case 'documents.grade':
      return { id: id('document'), ...(r.chance(0.8) ? { reliability: reliability() } : {}), ...(r.chance(0.6) ? { credibility: credibility() } : {}) };
    case 'highlights.grade':
      return { id: id('highlight'), credibility: credibility() };
    case 'analysis.network':
    case 'export.network':
      return {
        ...(name === 'export.network' ? { format: r.pick(['graphml', 'gexf', 'csv']) } : {}),
        ...(r.chance(0.5) ? { reliability: Array.from({ length: r.int(3) }, reliability) } : {}),
        ...(r.chance(0.5) ? { credibility: Array.from({ length: r.int(3) }, credibility) } : {}),
        ...(r.chance(0.3) ? { documentId: id('document') } : {}),
      };
    case 'highlights.list':
    case 'actors.mentions':
      return { documentId: id('document') };
    case 'highlights.create': {
      const documentId = id('document');
      const start = offset(documentId);
      const end = r.chance(0.5) ? offset(documentId) : typeof start === 'number' ? start + 1 + r.int(60) : 1;
      return { documentId, start, end, colour: colour(), comment: words(r) };
    }
    case 'highlights.createArea': {
      // Fractions mostly on the page, sometimes past its edge, too small, or not numbers at all.
      const fraction = () => (r.chance(0.85) ? r.int(60) / 100 : r.pick<unknown>([0.001, 1.2, -0.1, '0.5', ...ODD_NUMBERS]));
      const page = r.chance(0.85) ? 1 + r.int(3) : r.pick<unknown>([0, 1.5, ...ODD_NUMBERS]);
      return { documentId: id('document'), area: { page, x: fraction(), y: fraction(), width: fraction(), height: fraction() }, colour: colour(), comment: words(r) };
    }
    case 'highlights.update':
      return { id: id('highlight'), colour: colour(), comment: r.chance(0.5) ? words(r) : oddString(r) };
    case 'highlights.delete':
    case 'highlights.restore':
      return { id: id('highlight') };
    case 'highlights.tag':
    case 'highlights.untag':
      return { highlightId: id('highlight'), actorId: id('actor') };
    case 'highlights.tagMany':
      return { highlightIds: Array.from({ length: r.int(4) }, () => id('highlight')), actorId: id('actor') };
    case 'highlights.tagTheme':
    case 'highlights.untagTheme':
      return { highlightId: id('highlight'), themeId: id('theme') };
    case 'highlights.tagManyTheme':
      return { highlightIds: Array.from({ length: r.int(4) }, () => id('highlight')), themeId: id('theme') };
    case 'themes.create':
      return { name: r.chance(0.8) ? words(r, 1 + r.int(3)) : oddString(r), ...(r.chance(0.5) ? { parentId: id('theme') } : {}), description: words(r), ...(r.chance(0.3) ? { colour: r.chance(0.8) ? '#2e7d4f' : oddString(r) } : {}) };
    case 'themes.update':
      return { id: id('theme'), ...(r.chance(0.5) ? { name: words(r, 1 + r.int(3)) } : {}), ...(r.chance(0.5) ? { parentId: r.chance(0.2) ? null : id('theme') } : {}) };
    case 'themes.delete':
    case 'themes.page':
      return { id: id('theme') };
    case 'analysis.coOccurrence':
    case 'export.coOccurrence':
      return {
        against: r.pick(['themes', 'actors']),
        ...(r.chance(0.3) ? { documentId: id('document') } : {}),
        ...(r.chance(0.2) ? { publishedFrom: r.pick(['2011', '2012-03', oddString(r)]) } : {}),
      };
    case 'analysis.coOccurrencePassages':
      return {
        themeId: id('theme'),
        with: r.chance(0.5) ? { kind: 'theme', id: id('theme') } : { kind: 'actor', id: id('actor') },
        ...(r.chance(0.3) ? { documentId: id('document') } : {}),
      };
    case 'themes.merge':
      return { keepId: id('theme'), mergeId: id('theme') };
    case 'timeline.highlightDates':
      return { highlightId: id('highlight') };
    case 'timeline.confirm':
    case 'timeline.dismiss':
      return {
        highlightId: id('highlight'),
        date: r.pick(['2012', '2012-01', '2012-01-12', '2012-01/2012-03', '2012-13', '2012/2011', oddString(r)]),
        ...(r.chance(0.3) ? { replacing: r.pick(['2012', oddString(r)]) } : {}),
      };
    case 'timeline.events':
    case 'export.timeline':
      return {
        ...(name === 'export.timeline' ? { format: r.pick(['csv', 'markdown', 'pdf']) } : { suggestions: r.chance(0.5) }),
        ...(r.chance(0.3) ? { documentId: id('document') } : {}),
        ...(r.chance(0.3) ? { reliability: r.pick([['A'], [null], ['Z']]) } : {}),
      };
    case 'export.highlightsSelection':
      return { highlightIds: Array.from({ length: r.int(4) }, () => id('highlight')), format: r.pick(['markdown', 'csv', 'pdf']) };
    case 'actors.create':
      return { name: r.chance(0.8) ? words(r, 1 + r.int(3)) : oddString(r), kind: r.pick(ACTOR_KINDS), aliases: Array.from({ length: r.int(3) }, () => words(r, 1 + r.int(2))), description: words(r), colour: r.chance(0.8) ? '#a3364a' : oddString(r) };
    case 'actors.update':
      return { id: id('actor'), name: words(r, 1 + r.int(3)), aliases: Array.from({ length: r.int(3) }, () => words(r, 1 + r.int(2))) };
    case 'actors.delete':
    case 'actors.page':
    case 'export.actorMarkdown':
      return { id: id('actor') };
    case 'actors.merge':
      return { keepId: id('actor'), mergeId: id('actor') };
    case 'actors.acceptMentions':
      return { documentId: id('document'), actorId: id('actor'), ...(r.chance(0.5) ? { ranges: [{ start: r.int(500), end: r.int(500) }] } : {}) };
    case 'actors.rejectMention': {
      // Mostly a place the names really are, so the judgement is recorded and not only refused.
      const documentId = id('document');
      const found = dispatch({ library }, 'actors.mentions', { documentId });
      const mentions = found.ok ? (found.value as Array<{ actorId: number; start: number; end: number }>) : [];
      if (mentions.length > 0 && r.chance(0.7)) {
        const { actorId, start, end } = r.pick(mentions);
        return { documentId, actorId, start, end };
      }
      return { documentId, actorId: id('actor'), start: r.int(500), end: r.int(500) };
    }
    case 'actors.forgetMentions': {
      const judged = (library.db.prepare('SELECT id FROM actor_mentions').all() as Array<{ id: number }>).map((row) => row.id);
      return { ids: Array.from({ length: 1 + r.int(3) }, () => (judged.length > 0 && r.chance(0.7) ? r.pick(judged) : r.pick([1, 999, ...ODD_NUMBERS]))) };
    }
    case 'notes.get':
    case 'notes.delete':
    case 'notes.restore':
    case 'export.noteMarkdown':
    case 'export.noteHtml':
      return { id: id('note') };
    case 'notes.create':
      return { title: words(r) };
    case 'notes.save':
      return { id: id('note'), title: words(r), body: body(...Array.from({ length: 1 + r.int(4) }, () => noteNode(0)), paragraph(text(words(r)))) };
    case 'notes.linking':
      return { kind: r.pick(['note', 'highlight', 'actor', 'document']), id: id('note') };
    case 'search.query':
      return { query: r.chance(0.7) ? words(r, 1 + r.int(4)) : oddString(r), ...(r.chance(0.3) ? { kinds: [r.pick(['document', 'highlight', 'note', 'actor'])] } : {}), ...(r.chance(0.2) ? { actorId: id('actor') } : {}) };
    case 'export.webAnnotations':
      return r.chance(0.5) ? {} : { documentId: id('document') };
    case 'export.highlightsCsv':
      return { scope: r.pick([{ kind: 'library' }, { kind: 'document', documentId: id('document') }, { kind: 'actor', actorId: id('actor') }]) };
    case 'library.restoreArchive':
      return { json: damagedArchive(r, library) };
    case 'library.importQdpx':
      return { file: { name: r.pick(['project.qdpx', 'project.zip', 'project']), base64: damagedQdpx(r, library) } };
    case 'ach.get':
    case 'ach.delete':
    case 'export.ach':
      return { id: analysisId(), ...(name === 'export.ach' ? { format: r.pick(['csv', 'markdown', 'pdf']) } : {}) };
    case 'ach.create':
    case 'ach.update':
      return { ...(name === 'ach.update' ? { id: analysisId() } : {}), name: r.chance(0.8) ? words(r, 1 + r.int(3)) : oddString(r), question: words(r), ...(r.chance(0.5) ? { weighByGrade: r.chance(0.5) } : {}) };
    case 'ach.addHypothesis':
      return { analysisId: analysisId(), text: r.chance(0.8) ? words(r) : oddString(r) };
    case 'ach.updateHypothesis':
    case 'ach.removeHypothesis':
      return { id: achRowId('analysis_hypotheses'), text: words(r) };
    case 'ach.addEvidence':
      return { analysisId: analysisId(), ...(r.chance(0.5) ? { highlightId: id('highlight') } : { text: r.chance(0.8) ? words(r) : oddString(r) }), ...(r.chance(0.3) ? { weight: r.pick([0.5, 1, 2, ...ODD_NUMBERS]) } : {}) };
    case 'ach.updateEvidence':
    case 'ach.removeEvidence':
      return { id: achRowId('analysis_evidence'), ...(r.chance(0.5) ? { weight: r.pick([0.5, 2, ...ODD_NUMBERS]) } : { text: words(r) }) };
    case 'ach.rate':
      return { evidenceId: achRowId('analysis_evidence'), hypothesisId: achRowId('analysis_hypotheses'), rating: r.chance(0.9) ? r.pick([...ACH_RATINGS, null]) : oddString(r) };
    default:
      return {};
  }
}

/** The library's own REFI-QDA project, whole, cut short, or with one position, name or stretch of its XML spoiled. */
function damagedQdpx(r: SeededRandom, library: Library): string {
  const result = dispatch({ library }, 'export.qdpx', {});
  if (!result.ok) return Buffer.from(oddString(r)).toString('base64');
  const bytes = Buffer.from((result.value as { content: string }).content, 'base64');
  if (r.chance(0.3)) return bytes.toString('base64');
  const entries = unzipSync(new Uint8Array(bytes));
  let xml = strFromU8(entries['project.qde']!);
  switch (r.int(4)) {
    case 0:
      xml = xml.replace(/Position="\d+"/, `Position="${String(r.pick(ODD_NUMBERS))}"`);
      break;
    case 1:
      xml = xml.replace(/name="[^"]*"/, `name="${oddString(r).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`);
      break;
    case 2:
      xml = xml.slice(0, r.int(xml.length));
      break;
    default:
      return bytes.subarray(0, r.int(bytes.length)).toString('base64');
  }
  entries['project.qde'] = strToU8(xml);
  return Buffer.from(zipSync(entries)).toString('base64');
}

/** The library's own archive with one value changed, or not changed at all. */
function damagedArchive(r: SeededRandom, library: Library): string {
  const result = dispatch({ library }, 'export.archive', {});
  if (!result.ok) return oddString(r);
  const archive = JSON.parse((result.value as { content: string }).content) as Record<string, unknown>;
  if (r.chance(0.3)) return JSON.stringify(archive);
  const tables = ['documents', 'highlights', 'actors', 'notes', 'links', 'highlightActors'].filter((t) => (archive[t] as unknown[]).length > 0);
  if (tables.length === 0) return JSON.stringify(archive);
  const rowOf = (table: string) => ((archive[table] as unknown[]).length > 0 ? r.pick(archive[table] as Array<Record<string, unknown>>) : {});
  for (let changes = 1 + r.int(3); changes > 0; changes--) {
    switch (r.int(5)) {
      case 0:
        rowOf('notes').bodyJson = JSON.stringify({ root: { type: 'root', children: [anyValue(r), anyValue(r)] } });
        break;
      case 1: {
        const row = rowOf('documents');
        row.html = `${r.pick(ODD_STRINGS.slice(0, 10))}${String(row.html)}<p onclick="x()">${oddString(r)}</p>`;
        break;
      }
      case 2: {
        const row = rowOf('highlights');
        row.positionStart = r.int(Number(row.positionEnd) || 5);
        break;
      }
      default: {
        const row = rowOf(r.pick(tables));
        row[r.pick(Object.keys(row))] = anyValue(r);
      }
    }
  }
  return JSON.stringify(archive);
}

/** One thing wrong with a plausible input: a field changed, dropped or added. */
function mutate(r: SeededRandom, input: Record<string, unknown>): unknown {
  if (r.chance(0.1)) return anyValue(r);
  const copy: Record<string, unknown> = { ...input };
  const keys = Object.keys(copy);
  const roll = r.int(3);
  if (roll === 0 && keys.length > 0) copy[r.pick(keys)] = anyValue(r);
  else if (roll === 1 && keys.length > 0) delete copy[r.pick(keys)];
  else copy[r.pick(['extra', '__proto__', 'id'])] = anyValue(r);
  return copy;
}

/** What "sound" means for a library: SQLite's checks, the search indexes, and Fieldbook's own invariants. */
function soundnessProblems(library: Library): string[] {
  const db = library.db;
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`);
  for (const fts of ['documents_fts', 'highlights_fts', 'notes_fts', 'actors_fts', 'analyses_fts']) {
    try {
      db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`).run();
    } catch (error) {
      problems.push(`${fts}: ${(error as Error).message}`);
    }
  }
  const actorIndex = db
    .prepare(
      `SELECT a.id FROM actors a LEFT JOIN actors_fts f ON f.rowid = a.id
       WHERE f.rowid IS NULL OR f.name IS NOT a.name OR f.description IS NOT a.description
         OR f.aliases IS NOT coalesce((SELECT group_concat(alias, ' | ' ORDER BY position) FROM actor_aliases WHERE actor_id = a.id), '')`,
    )
    .all();
  const strayActorRows = db.prepare('SELECT rowid FROM actors_fts WHERE rowid NOT IN (SELECT id FROM actors)').all();
  if (actorIndex.length + strayActorRows.length > 0) problems.push(`actors_fts out of step: ${JSON.stringify({ actorIndex, strayActorRows })}`);
  // The codebook stays a tree: walking up from any theme reaches the top.
  const looping = db
    .prepare(
      `WITH RECURSIVE up(start, id, depth) AS (SELECT id, parent_id, 1 FROM themes WHERE parent_id IS NOT NULL
         UNION ALL SELECT up.start, t.parent_id, depth + 1 FROM up JOIN themes t ON t.id = up.id WHERE t.parent_id IS NOT NULL AND depth < 1000)
       SELECT DISTINCT start FROM up WHERE depth >= 1000 OR id = start`,
    )
    .all();
  if (looping.length > 0) problems.push(`themes loop: ${JSON.stringify(looping)}`);
  const themeIndex = db
    .prepare('SELECT t.id FROM themes t LEFT JOIN themes_fts f ON f.rowid = t.id WHERE f.rowid IS NULL OR f.name IS NOT t.name')
    .all();
  if (themeIndex.length > 0) problems.push(`themes_fts out of step: ${JSON.stringify(themeIndex)}`);
  // The analyses' index holds exactly their words (migration 130), none missing and none stray.
  const analysisIndex = db
    .prepare(
      `SELECT * FROM (SELECT id, name, text, analysis_id, field FROM analysis_texts_indexed
                      EXCEPT SELECT rowid, name, text, analysis_id, field FROM analyses_fts)
       UNION ALL
       SELECT * FROM (SELECT rowid, name, text, analysis_id, field FROM analyses_fts
                      EXCEPT SELECT id, name, text, analysis_id, field FROM analysis_texts_indexed)`,
    )
    .all();
  if (analysisIndex.length > 0) problems.push(`analyses_fts out of step: ${JSON.stringify(analysisIndex.slice(0, 5))}`);
  // Offsets count UTF-16 code units, which SQLite's substr() does not: compared here in JS.
  const placed = db
    .prepare(
      `SELECT h.id, h.position_start AS start, h.position_end AS end, h.quote_exact AS exact, d.text
       FROM highlights h JOIN document_bodies d ON d.document_id = h.document_id WHERE h.anchor_status != 'orphaned'`,
    )
    .all() as Array<{ id: number; start: number; end: number; exact: string; text: string }>;
  const misquoted = placed.filter((h) => h.text.slice(h.start, h.end) !== h.exact).map((h) => ({ id: h.id, exact: h.exact }));
  const judged = db
    .prepare(
      `SELECT m.id, m.position_start AS start, m.position_end AS end, m.quote_exact AS exact, d.text
       FROM actor_mentions m JOIN document_bodies d ON d.document_id = m.document_id WHERE m.anchor_status != 'orphaned'`,
    )
    .all() as Array<{ id: number; start: number; end: number; exact: string; text: string }>;
  const misplaced = judged.filter((m) => m.text.slice(m.start, m.end) !== m.exact).map((m) => ({ id: m.id, exact: m.exact }));
  if (misplaced.length > 0) problems.push(`judged mentions whose quote is not the text at their offsets: ${JSON.stringify(misplaced)}`);
  // A document's HTML is clean, and its text is what that HTML reads as (what highlights count in).
  for (const doc of db.prepare('SELECT document_id AS id, html, text FROM document_bodies').all() as Array<{ id: number; html: string; text: string }>) {
    const root = fragmentElement(doc.html);
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const unsafe =
        !DOCUMENT_TAGS.includes(element.localName) ||
        element.getAttributeNames().some((name) => !DOCUMENT_ATTRIBUTES.includes(name)) ||
        (element.hasAttribute('href') && !SAFE_LINK.test(element.getAttribute('href')!.trim()));
      if (unsafe) problems.push(`document ${doc.id} holds unsafe HTML: ${element.outerHTML.slice(0, 100)}`);
    }
    if (root.textContent !== doc.text) problems.push(`document ${doc.id}'s text is not its HTML's text`);
  }
  if (misquoted.length > 0) problems.push(`placed highlights whose quote is not the text at their offsets: ${JSON.stringify(misquoted)}`);
  return problems;
}

function describeInput(input: unknown): string {
  try {
    return String(JSON.stringify(input)).slice(0, 300);
  } catch {
    return '(an input too deep to print)';
  }
}

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-fuzz-');
});
afterEach(() => t.cleanup());

describe('every operation, fuzzed', () => {
  it(`never answers internal and leaves the library sound (seed ${SEED})`, { timeout: 60_000 }, () => {
    const r = seededRandom(SEED);
    const internal: string[] = [];
    const counts = new Map<string, number>();
    const call = (name: string, input: unknown) => {
      const result = dispatch({ library: t.library }, name, input);
      if (!result.ok && result.error.code === 'internal') {
        internal.push(`${name} ${describeInput(input)} → ${result.error.message}`);
      }
      counts.set(`${name}:${result.ok ? 'ok' : result.error.code}`, (counts.get(`${name}:${result.ok ? 'ok' : result.error.code}`) ?? 0) + 1);
      return result;
    };
    // A few rows of each kind first, so plausible inputs have something to name.
    for (const name of ['documents.import', 'documents.import', 'actors.create', 'actors.create', 'notes.create', 'notes.create', 'highlights.create', 'themes.create', 'themes.create'] as const) {
      for (let i = 0; i < 5; i++) call(name, plausibleInput(r, name, t.library));
    }
    for (let i = 0; i < CALLS; i++) {
      const name = r.chance(0.02) ? oddString(r) : r.pick(OP_NAMES);
      if (!(OP_NAMES as readonly string[]).includes(name)) {
        expect(dispatch({ library: t.library }, name, {}).ok).toBe(false);
        continue;
      }
      const plausible = plausibleInput(r, name as OpName, t.library);
      call(name, r.chance(0.6) ? plausible : mutate(r, plausible));
    }
    if (process.env.FUZZ_VERBOSE) console.log([...counts].sort().join('\n'));
    expect(internal.slice(0, 5)).toEqual([]);
    expect(soundnessProblems(t.library)).toEqual([]);
    // What the library became, however odd, is still a library its own archive restores.
    const archive = dispatch({ library: t.library }, 'export.archive', {});
    expect(archive.ok).toBe(true);
    const fresh = t.open('fresh.sqlite');
    const restored = dispatch({ library: fresh }, 'library.restoreArchive', { json: (archive as { value: { content: string } }).value.content });
    expect(restored).toMatchObject({ ok: true });
    expect(soundnessProblems(fresh)).toEqual([]);
    // Plausible inputs must mostly get through, or the fuzzer would only be testing the schemas.
    const succeeded = [...counts].filter(([key]) => key.endsWith(':ok')).reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded).toBeGreaterThan(CALLS / 4);
  });

  it(`restores damaged archives or refuses them, never answering internal and never leaving a library unsound (seed ${SEED})`, { timeout: 60_000 }, () => {
    const r = seededRandom(SEED + 1);
    for (const name of ['documents.import', 'documents.import', 'actors.create', 'actors.create', 'actors.create', 'notes.create', 'notes.create'] as const) {
      for (let i = 0; i < 3; i++) dispatch({ library: t.library }, name, plausibleInput(r, name, t.library));
    }
    for (let i = 0; i < 30; i++) {
      for (const name of ['highlights.create', 'highlights.tag', 'notes.save'] as const) dispatch({ library: t.library }, name, plausibleInput(r, name, t.library));
    }
    const internal: string[] = [];
    let restored = 0;
    for (let round = 0; round < 40; round++) {
      // A fresh library each time (restored exactly), or the source itself (merged).
      const into = r.chance(0.5) ? t.open(`round-${round}.sqlite`) : t.library;
      const json = damagedArchive(r, t.library);
      const result = dispatch({ library: into }, 'library.restoreArchive', { json });
      if (!result.ok && result.error.code === 'internal') internal.push(`round ${round}: ${result.error.message}`);
      if (result.ok) restored++;
      expect({ round, problems: soundnessProblems(into) }).toEqual({ round, problems: [] });
    }
    expect(internal).toEqual([]);
    // Some damage is harmless or cleaned (HTML, offsets), so some archives must still restore.
    expect(restored).toBeGreaterThan(5);
  });

  it('stores strings as they were checked: a lone surrogate becomes U+FFFD at the door', () => {
    // Found by this fuzzer: SQLite stored the surrogate's three bytes, which read back as three
    // U+FFFD, so "Gao\ud800" and "Gao\udc01" became two actors with the same name and the
    // library's own archive was refused for it.
    const gao = t.call('actors.create', { name: 'Gao\ud800', kind: 'place', aliases: ['G\udc00o'] });
    expect(gao).toMatchObject({ name: 'Gao\ufffd', aliases: ['G\ufffdo'] });
    expect(t.call('actors.page', { id: gao.id }).actor.name).toBe('Gao\ufffd');
    expect(t.errorOf('actors.create', { name: 'Gao\udc01', kind: 'place' })).toMatchObject({ code: 'conflict' });
    const note = t.call('notes.create', { title: 'Half \ud83d' });
    t.call('notes.save', { id: note.id, title: 'Half \ud83d', body: body(paragraph(text('a \ude00 b'))) });
    expect(t.call('notes.get', { id: note.id })).toMatchObject({ title: 'Half \ufffd', bodyText: 'a \ufffd b' });
    const archive = t.call('export.archive', {});
    expect(dispatch({ library: t.open('fresh.sqlite') }, 'library.restoreArchive', { json: archive.content }).ok).toBe(true);
  });
});
