import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../import/import-document';
import { packageResourcesDir } from '../resources-dir';
import { anchor, AnchorTarget, describeRange, type Selectors } from './anchor';

const article = prepareDocument(
  'aqim-state-sanctuary.html',
  fs.readFileSync(path.join(packageResourcesDir(), 'aqim-state-sanctuary.html')),
).text;

/** Selectors for the n-th (0-based) occurrence of phrase in the article. */
function highlight(phrase: string, occurrence = 0): Selectors {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = article.indexOf(phrase, start + 1);
  if (start === -1) throw new Error(`"${phrase}" #${occurrence} is not in the article`);
  return describeRange(article, start, start + phrase.length);
}

function placed(text: string, selectors: Selectors) {
  const result = anchor(new AnchorTarget(text), selectors);
  return result.status === 'orphaned' ? result : { status: result.status, quote: text.slice(result.start, result.end), start: result.start };
}

const passage = 'the leader of AQIM, tried to implement a very ambitious new strategy in Mali';

describe('anchoring a highlight in the bundled article', () => {
  it('stays at its position when the text is unchanged', () => {
    const selectors = highlight(passage);
    expect(placed(article, selectors)).toEqual({ status: 'exact', quote: passage, start: selectors.position.start });
  });

  it('follows the words when text is inserted before them', () => {
    const selectors = highlight(passage);
    const edited = article.replace('Firstly an Al-Qaeda sanctuary', 'Firstly, and most importantly for this argument, an Al-Qaeda sanctuary');
    const result = placed(edited, selectors);
    expect(result).toMatchObject({ status: 'exact', quote: passage });
    expect(result).toHaveProperty('start', edited.indexOf(passage));
  });

  it('picks the right one of many repeats of “AQIM” by its context', () => {
    const count = article.split('AQIM').length - 1;
    expect(count).toBeGreaterThan(10);
    const seventh = highlight('AQIM', 6);
    const contextAfter = article.slice(seventh.position.end, seventh.position.end + 20);
    const edited = 'A preface mentioning AQIM and AQIM again.\n\n' + article;
    const result = placed(edited, seventh);
    expect(result.status).toBe('exact');
    if (result.status === 'orphaned') return;
    expect(edited.slice(result.start + 4, result.start + 24)).toBe(contextAfter);
  });

  it('still finds the passage when words near it are deleted', () => {
    const selectors = highlight(passage);
    const edited = article.replace('During that period Abu Musab Abdel Wadoud, ', 'Abu Musab Abdel Wadoud, ');
    expect(placed(edited, selectors)).toMatchObject({ status: 'exact', quote: passage });
  });

  it('lands approximately on the passage when a word inside it changes', () => {
    const selectors = highlight(passage);
    const changed = passage.replace('very ambitious', 'truly ambitious');
    const edited = article.replace(passage, changed);
    expect(placed(edited, selectors)).toEqual({ status: 'approximate', quote: changed, start: edited.indexOf(changed) });
  });

  it('treats straightened quotes as the same words', () => {
    const quoted = 'what we could call a “State-sanctuary”';
    const selectors = highlight(quoted);
    const edited = article.replace(/[“”]/g, '"');
    const straight = 'what we could call a "State-sanctuary"';
    expect(placed(edited, selectors)).toEqual({ status: 'approximate', quote: straight, start: edited.indexOf(straight) });
  });

  it('treats reflowed whitespace as the same words', () => {
    const selectors = highlight(passage);
    const reflowed = passage.replace('to implement a', 'to\n  implement  a');
    const edited = article.replace(passage, reflowed);
    expect(placed(edited, selectors)).toEqual({ status: 'approximate', quote: reflowed, start: edited.indexOf(reflowed) });
  });

  it('spans paragraphs', () => {
    const start = article.indexOf('create a real Islamic State.');
    const end = article.indexOf('Firstly an Al-Qaeda sanctuary') + 'Firstly an Al-Qaeda sanctuary'.length;
    const selectors = describeRange(article, start, end);
    const edited = 'Preface.\n\n' + article;
    expect(placed(edited, selectors)).toMatchObject({ status: 'exact', start: start + 'Preface.\n\n'.length });
  });

  it('is orphaned, not moved, when its passage is deleted', () => {
    const selectors = highlight(passage);
    const edited = article.replace(/During that period[^.]*\./, '');
    expect(placed(edited, selectors)).toEqual({ status: 'orphaned' });
  });

  it('is orphaned when its passage is rewritten beyond recognition', () => {
    const selectors = highlight('They started to cut the hands off thieves');
    const edited = article.replace('They started to cut the hands off thieves', 'Punishments were harsh');
    expect(placed(edited, selectors)).toEqual({ status: 'orphaned' });
  });

  it('orphans a short quote whose sentence is gone rather than move it to another mention', () => {
    const sentence = 'as the recent multiple terrorist attacks and the Mali war show';
    const start = article.indexOf(sentence) + sentence.indexOf('Mali');
    const selectors = describeRange(article, start, start + 4);
    const edited = article.replace(sentence, 'as recent events show');
    expect(edited.split('Mali').length - 1).toBeGreaterThan(5);
    expect(placed(edited, selectors)).toEqual({ status: 'orphaned' });
  });
});
