import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webAnnotationsFile } from './export-files';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { ANNOTATION_CONTEXT } from './web-annotation';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-anno-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

/** The W3C list of motivations, which is also the allowed range of `purpose`. */
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value);
const isDateTime = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value);

type Json = Record<string, unknown>;

/** The Web Annotation Data Model's MUST rules for what we emit, as assertions with the rule in the message. */
function validateCollection(doc: Json): string[] {
  const errors: string[] = [];
  const must = (ok: boolean, rule: string) => {
    if (!ok) errors.push(rule);
  };
  const context = doc['@context'];
  must(context === ANNOTATION_CONTEXT || (Array.isArray(context) && context[0] === ANNOTATION_CONTEXT), 'collection @context MUST include the anno.jsonld context');
  must(isIri(doc.id), 'collection MUST have an IRI id');
  must(doc.type === 'AnnotationCollection', 'collection type MUST be AnnotationCollection');
  must(typeof doc.total === 'number' && Number.isInteger(doc.total) && doc.total >= 0, 'total MUST be a non-negative integer');
  const page = doc.first as Json | undefined;
  must(typeof page === 'object' && page !== null, 'first MUST be an AnnotationPage');
  if (!page) return errors;
  must(page.type === 'AnnotationPage', 'page type MUST be AnnotationPage');
  must(isIri(page.id), 'page MUST have an IRI id');
  const items = page.items as Json[];
  must(Array.isArray(items), 'page MUST have items');
  must(items.length === doc.total, 'total MUST be the number of annotations');
  for (const [i, a] of items.entries()) {
    const at = `items[${i}]`;
    must(isIri(a.id), `${at}: an Annotation MUST have exactly one IRI id`);
    must(a.type === 'Annotation', `${at}: type MUST be Annotation`);
    must(a.created === undefined || isDateTime(a.created), `${at}: created MUST be xsd:dateTime with a time zone`);
    must(a.modified === undefined || isDateTime(a.modified), `${at}: modified MUST be xsd:dateTime with a time zone`);
    const target = a.target as Json | undefined;
    must(target !== undefined, `${at}: an Annotation MUST have at least one target`);
    if (target) {
      must(target.type === 'SpecificResource', `${at}: target is a SpecificResource`);
      must(isIri(target.source), `${at}: a SpecificResource MUST have exactly one IRI source`);
      const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as Json[];
      for (const s of selectors) {
        if (s.type === 'TextQuoteSelector') {
          must(typeof s.exact === 'string' && s.exact.length > 0, `${at}: TextQuoteSelector MUST have exact`);
          must(s.prefix === undefined || typeof s.prefix === 'string', `${at}: prefix is a string`);
          must(s.suffix === undefined || typeof s.suffix === 'string', `${at}: suffix is a string`);
        } else if (s.type === 'TextPositionSelector') {
          must(Number.isInteger(s.start) && (s.start as number) >= 0, `${at}: TextPositionSelector MUST have a non-negative integer start`);
          must(Number.isInteger(s.end) && (s.end as number) >= (s.start as number), `${at}: end MUST be an integer not before start`);
        } else errors.push(`${at}: unexpected selector type ${String(s.type)}`);
      }
    }
    for (const b of (a.body ?? []) as Json[]) {
      if (b.type === 'TextualBody') {
        must(typeof b.value === 'string', `${at}: a TextualBody MUST have exactly one value`);
        must(b.format === undefined || b.format === 'text/plain', `${at}: format is a media type`);
      } else if (b.type === 'SpecificResource') must(isIri(b.source), `${at}: a SpecificResource body MUST have an IRI source`);
      else errors.push(`${at}: unexpected body type ${String(b.type)}`);
      must(b.purpose === undefined || MOTIVATIONS.includes(b.purpose as string), `${at}: purpose MUST be one of the W3C motivations`);
    }
  }
  return errors;
}

describe('W3C Web Annotation export', () => {
  it('exports the bundled article’s highlights as a valid AnnotationCollection', () => {
    const { content, fileName } = webAnnotationsFile(t.library, fixture.article.id);
    expect(fileName).toBe(`${fixture.article.title} - annotations.jsonld`);
    const doc = JSON.parse(content) as Json;
    expect(validateCollection(doc)).toEqual([]);
    const items = (doc.first as { items: Json[] }).items;
    expect(items.map((a) => a.id)).toEqual([`urn:uuid:${fixture.highlights.timbuktu.uid}`, `urn:uuid:${fixture.highlights.overlap.uid}`]);
    const [first] = items;
    expect(first!.target).toEqual({
      type: 'SpecificResource',
      source: `urn:uuid:${fixture.article.uid}`,
      selector: [
        { type: 'TextQuoteSelector', exact: fixture.highlights.timbuktu.exact, prefix: fixture.highlights.timbuktu.prefix, suffix: fixture.highlights.timbuktu.suffix },
        { type: 'TextPositionSelector', start: fixture.highlights.timbuktu.start, end: fixture.highlights.timbuktu.end },
      ],
    });
    expect(first!.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'Key source, "General instructions";\nsee also Wadoud.', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'AQIM', format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'identifying', source: `urn:uuid:${fixture.aqim.uid}` },
      { type: 'TextualBody', purpose: 'tagging', value: 'Mali', format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'identifying', source: `urn:uuid:${fixture.mali.uid}` },
    ]);
    expect(first!['fieldbook:colour']).toBe('yellow');
  });

  it('exports the whole library, orphans flagged, deleted highlights left out', () => {
    const doc = JSON.parse(webAnnotationsFile(t.library).content) as Json;
    expect(validateCollection(doc)).toEqual([]);
    expect(doc.total).toBe(4);
    const items = (doc.first as { items: Json[] }).items;
    const orphan = items.find((a) => a.id === `urn:uuid:${fixture.highlights.orphan.uid}`)!;
    expect(orphan['fieldbook:anchorStatus']).toBe('orphaned');
    // Its offsets named words of a version that is gone; only the quote still says what it marked.
    expect((orphan.target as { selector: Json[] }).selector).toEqual([
      { type: 'TextQuoteSelector', exact: fixture.highlights.orphan.exact, prefix: fixture.highlights.orphan.prefix, suffix: fixture.highlights.orphan.suffix },
    ]);
    expect(items.some((a) => a.id === `urn:uuid:${fixture.highlights.deleted.uid}`)).toBe(false);
  });

  it('the checker catches a broken annotation', () => {
    const doc = JSON.parse(webAnnotationsFile(t.library).content) as Json;
    const items = (doc.first as { items: Json[] }).items;
    delete items[0]!.target;
    (items[1]!.body as Json[])[0]!.purpose = 'shouting';
    expect(validateCollection(doc)).toEqual([expect.stringMatching(/MUST have at least one target/), expect.stringMatching(/purpose MUST be one of/)]);
  });
});
