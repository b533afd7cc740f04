import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { codePointOffsets } from '../text/code-points';
import { guidOf } from './refi-qda';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const PROJECT_XSD = path.resolve(repoRoot, '../shared/testdata/refi-qda/Project.xsd');

/**
 * Emoji outside the BMP (two UTF-16 units, one code point) and letters with combining accents
 * that have no precomposed form, so the importer's NFC keeps them as two code points each.
 */
const MIXED = `Rapport du terrain

Le convoi 😀 quitta Gao 🌧 à l’aube; la rx\u0304gion m\u0330tait calme. 👩🏽‍🔬 nota: « la route du nord reste ouverte ».
`;

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-refi-qda-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

function exportProject() {
  const file = t.call('export.qdpx', {});
  expect(file.encoding).toBe('base64');
  const entries = unzipSync(new Uint8Array(Buffer.from(file.content, 'base64')));
  return { entries, xml: strFromU8(entries['project.qde']!) };
}

function importMixed() {
  const [outcome] = t.call('documents.import', { files: [{ name: 'rapport.txt', base64: Buffer.from(MIXED).toString('base64') }] });
  if (outcome?.status !== 'imported') throw new Error('not imported');
  return t.call('documents.get', { id: outcome.document.id });
}

describe('code-point offsets', () => {
  it('counts an emoji as one and a combining accent as its own', () => {
    const text = 'a😀e\u0301b';
    expect([...codePointOffsets(text, [0, 1, 3, 4, 5, 6])]).toEqual([[0, 0], [1, 1], [3, 2], [4, 3], [5, 4], [6, 5]]);
  });
});

describe('REFI-QDA export', () => {
  it('places every selection by code points, so another tool reads the same words', () => {
    const document = importMixed();
    const phrases = ['la rx\u0304gion m\u0330tait calme', '👩🏽‍🔬 nota', 'Gao 🌧 à l’aube'];
    const theme = t.call('themes.create', { name: 'Mobilité' });
    const highlights = phrases.map((phrase) => {
      const start = document.text.indexOf(phrase);
      expect(start, phrase).toBeGreaterThan(0);
      const h = t.call('highlights.create', { documentId: document.id, start, end: start + phrase.length, colour: 'green' });
      t.call('highlights.tagTheme', { highlightId: h.id, themeId: theme.id });
      return h;
    });
    const { entries, xml } = exportProject();
    const guid = guidOf(document.uid);
    const source = strFromU8(entries[`sources/${guid}.txt`]!);
    expect(source).toBe(document.text);
    expect(xml).toContain(`plainTextPath="internal://${guid}.txt"`);
    const points = [...source];
    for (const [i, h] of highlights.entries()) {
      const match = new RegExp(`<PlainTextSelection guid="${guidOf(h.uid)}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`).exec(xml);
      expect(match, phrases[i]).not.toBeNull();
      const [start, end] = [Number(match![1]), Number(match![2])];
      expect(points.slice(start, end).join('')).toBe(phrases[i]);
      expect(end - start).toBe([...phrases[i]!].length);
      // UTF-16 offsets would have been later: the emoji before them count twice there.
      expect(start).toBeLessThan(h.start);
    }
  });

  it('holds actors under "Actors", themes as their tree, codings, comments and notes as notes, and users and dates', () => {
    const violence = t.call('themes.create', { name: 'Violence', description: 'Force & threats' });
    const financing = t.call('themes.create', { name: 'Financing', parentId: violence.id });
    t.call('highlights.tagTheme', { highlightId: fixture.highlights.timbuktu.id, themeId: financing.id });
    const { xml } = exportProject();
    expect(xml).toMatch(/<Project xmlns="urn:QDA-XML:project:1.0" name="Fieldbook library" origin="Fieldbook" creatingUserGUID="[0-9A-F-]{36}" creationDateTime="[^"]+Z"/);
    expect(xml).toMatch(/<Users><User guid="[0-9A-F-]{36}" name="Fieldbook user"\/><\/Users>/);
    expect(xml).toMatch(new RegExp(`<Code guid="[0-9A-F-]{36}" name="Actors" isCodable="false"><Description>[^<]*</Description><Code guid="${guidOf(fixture.aqim.uid)}" name="AQIM"`));
    expect(xml).toContain(`<Code guid="${guidOf(violence.uid)}" name="Violence" isCodable="true" color="${violence.colour}"><Description>Force &amp; threats</Description><Code guid="${guidOf(financing.uid)}" name="Financing"`);
    const timbuktu = new RegExp(`<PlainTextSelection guid="${guidOf(fixture.highlights.timbuktu.uid)}".*?</PlainTextSelection>`).exec(xml)![0];
    expect(timbuktu).toContain(`<CodeRef targetGUID="${guidOf(fixture.aqim.uid)}"/>`);
    expect(timbuktu).toContain(`<CodeRef targetGUID="${guidOf(financing.uid)}"/>`);
    expect(timbuktu).toMatch(/creatingUser="[0-9A-F-]{36}" creationDateTime="[^"]+"/);
    const commentRef = /<NoteRef targetGUID="([0-9A-F-]{36})"\/>/.exec(timbuktu)![1];
    expect(xml).toContain(`<Note guid="${commentRef}"`);
    expect(xml).toContain('Key source, "General instructions";');
    expect(xml).toContain(`<Note guid="${guidOf(fixture.notes.reading.uid)}" name="Reading notes: Mali/Sahel?"`);
    expect(xml).not.toContain(guidOf(fixture.notes.deleted.uid));
    // Orphans have no place to give; deleted highlights stay out.
    expect(xml).not.toContain(guidOf(fixture.highlights.orphan.uid));
    expect(xml).not.toContain(guidOf(fixture.highlights.deleted.uid));
  });

  it('writes a project.qde valid against the standard’s Project.xsd', () => {
    importMixed();
    const theme = t.call('themes.create', { name: 'Contrôle <du> "territoire"' });
    t.call('themes.create', { name: 'Sous-thème', parentId: theme.id });
    t.call('highlights.tagTheme', { highlightId: fixture.highlights.convoy.id, themeId: theme.id });
    t.call('highlights.update', { id: fixture.highlights.convoy.id, comment: 'bad \u0001 control & <tags>' });
    const { xml } = exportProject();
    expect(validate(xml)).toEqual({ valid: true, errors: '' });
    // And the check itself catches a project that breaks the schema.
    expect(validate(xml.replace('isCodable="true"', 'isCodable="maybe"')).valid).toBe(false);
  });

  it('exports the codebook alone as a .qdc', () => {
    const theme = t.call('themes.create', { name: 'Recruitment' });
    const file = t.call('export.qdc', {});
    expect(file.fileName).toMatch(/\.qdc$/);
    expect(file.content).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fieldbook"><Codes>');
    expect(file.content).toContain(`<Code guid="${guidOf(theme.uid)}" name="Recruitment" isCodable="true"`);
    expect(file.content).toContain('name="Actors" isCodable="false"');
  });
});

/** xmllint from Debian's libxml2-utils (.ci/run installs it). */
function validate(xml: string): { valid: boolean; errors: string } {
  expect(fs.existsSync(PROJECT_XSD), `Project.xsd is not at ${PROJECT_XSD}: shared/testdata must sit beside the project`).toBe(true);
  const dir = fs.mkdtempSync(path.join(t.dir, 'qde-'));
  const file = path.join(dir, 'project.qde');
  fs.writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', PROJECT_XSD, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install Debian's libxml2-utils`);
  return { valid: run.status === 0, errors: run.status === 0 ? '' : run.stderr };
}
