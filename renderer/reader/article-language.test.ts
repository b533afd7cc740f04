import { describe, expect, it } from 'vitest';
import { articleLanguage } from './article-language';

describe('the article’s language and direction', () => {
  it('reads Arabic, Hebrew, Persian and Urdu right to left', () => {
    for (const language of ['ar', 'ar-EG', 'he', 'fa-IR', 'ur']) expect(articleLanguage({ language })).toEqual({ lang: language, dir: 'rtl' });
  });

  it('leaves other languages, and a document without one, to the page’s direction', () => {
    expect(articleLanguage({ language: 'en-US' })).toEqual({ lang: 'en-US' });
    expect(articleLanguage({ language: 'fr' })).toEqual({ lang: 'fr' });
    expect(articleLanguage({ language: null })).toEqual({});
  });
});
