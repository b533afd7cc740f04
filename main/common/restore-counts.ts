import type { RestoreCounts } from './records';

const ONE: Record<keyof RestoreCounts, string> = {
  documents: 'document',
  highlights: 'highlight',
  actors: 'actor',
  mentions: 'mention',
  notes: 'note',
  links: 'link',
  themes: 'theme',
  analyses: 'analysis',
};

/** "1 document, 2 highlights": a restore's counts as the app and the command line both say them; `nonZero` leaves out the kinds with none. */
export function describeCounts(counts: RestoreCounts, { nonZero = false } = {}): string {
  return (Object.entries(counts) as Array<[keyof RestoreCounts, number | undefined]>)
    .filter((entry): entry is [keyof RestoreCounts, number] => entry[1] !== undefined && (!nonZero || entry[1] > 0))
    .map(([kind, n]) => `${n} ${n === 1 ? ONE[kind] : kind}`)
    .join(', ');
}
