import { describe, expect, it } from 'vitest';
import { MentionFinder } from './find-mentions';

const AQIM = { id: 1, names: ['AQIM', 'Al-Qaeda in the Islamic Maghreb', 'AQMI'] };
const ALQAEDA = { id: 2, names: ['Al-Qaeda'] };
const MNLA = { id: 3, names: ['MNLA', 'Mouvement National de Libération de l’Azawad', 'National Movement for the Liberation of Azawad'] };
const MALI = { id: 4, names: ['Mali'] };

const finder = new MentionFinder([AQIM, ALQAEDA, MNLA, MALI]);
const found = (text: string) => finder.find(text).map((m) => [m.actorId, m.text]);

describe('finding actors’ mentions', () => {
  it('matches names and aliases regardless of case', () => {
    expect(found('helped by AQMI and aqim')).toEqual([[1, 'AQMI'], [1, 'aqim']]);
  });

  it('ignores diacritics both ways', () => {
    expect(found('le Mouvement National de Liberation de l’Azawad')).toEqual([[3, 'Mouvement National de Liberation de l’Azawad']]);
    const accented = new MentionFinder([{ id: 9, names: ['Liberation Front'] }]);
    expect(accented.find('the Libération Front').map((m) => m.text)).toEqual(['Libération Front']);
  });

  it('treats typographic and straight apostrophes as one', () => {
    expect(found("Mouvement National de Libération de l'Azawad")).toEqual([[3, "Mouvement National de Libération de l'Azawad"]]);
  });

  it('matches whole words only', () => {
    expect(found('Malian army and Somalia, but Mali.')).toEqual([[4, 'Mali']]);
    expect(found('AQIMs')).toEqual([]);
  });

  it('resolves overlapping names to the longer, more specific actor', () => {
    expect(found('Al-Qaeda in the Islamic Maghreb (AQIM) is not Al-Qaeda')).toEqual([
      [1, 'Al-Qaeda in the Islamic Maghreb'],
      [1, 'AQIM'],
      [2, 'Al-Qaeda'],
    ]);
  });

  it('reports offsets into the text as written', () => {
    const text = 'In January 2012 the National Movement for the Liberation of Azawad (MNLA)';
    const [first, second] = finder.find(text);
    expect(text.slice(first!.start, first!.end)).toBe('National Movement for the Liberation of Azawad');
    expect(text.slice(second!.start, second!.end)).toBe('MNLA');
  });
});
