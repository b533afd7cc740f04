import type { DocumentSummary } from '../../main/common/records';
import { isRightToLeftLanguage } from '../../main/common/text-direction';

/**
 * The article's `lang` and `dir`: a screen reader speaks the text in its language, and an Arabic
 * or Hebrew document reads right to left from its first line (a book whose spine alone says
 * right to left carries `dir` on its chapters).
 */
export function articleLanguage(document: Pick<DocumentSummary, 'language'>): { lang?: string; dir?: 'rtl' } {
  if (!document.language) return {};
  return isRightToLeftLanguage(document.language) ? { lang: document.language, dir: 'rtl' } : { lang: document.language };
}
