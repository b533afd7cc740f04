/** Right-to-left scripts' languages (the primary subtag): Arabic, Hebrew, Persian, Urdu and their neighbours. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr']);

export function isRightToLeftLanguage(language: string | null | undefined): boolean {
  const primary = (language ?? '').split('-')[0]!.toLowerCase();
  return RIGHT_TO_LEFT.has(primary);
}
