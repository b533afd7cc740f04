import type { Highlight } from '../common/records';

/** A passage as a listing prints it: its words in quotes, or an area (which has none) by its page number, as `show --page` takes it. */
export const passageText = (highlight: Pick<Highlight, 'exact' | 'area'>): string =>
  highlight.area ? `[area on p. ${highlight.area.page}]` : `“${highlight.exact}”`;
