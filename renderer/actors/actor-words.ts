import type { ActorKind } from '../../main/common/records';
import { sameName } from './actor-match';

export const KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  group: 'Group',
  state: 'State or government',
  place: 'Place',
  other: 'Other',
};

export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const tagCountLabel = (n: number): string => (n === 0 ? 'No tags' : count(n, 'tag', 'tags'));

/** What deleting an actor costs, said before it happens. */
export function deleteConsequence(tagCount: number): string {
  if (tagCount === 0) return 'It is not tagged on any passage.';
  if (tagCount === 1) return 'Its 1 tag on a passage will be removed.';
  return `Its ${tagCount} tags on passages will be removed.`;
}

interface MergeSide {
  name: string;
  aliases: readonly string[];
  tagCount: number;
}

/** What merging `merged` into `kept` moves and what becomes of its name, as the core does it. */
export function mergeConsequence(kept: MergeSide, merged: MergeSide): string[] {
  const moves: string[] = [];
  if (merged.tagCount > 0) moves.push(`its ${count(merged.tagCount, 'tag on a passage', 'tags on passages')}`);
  if (merged.aliases.length > 0) moves.push(`its ${merged.aliases.length === 1 ? 'alias' : 'aliases'} ${merged.aliases.map((a) => `“${a}”`).join(', ')}`);
  moves.push('any notes that mention it');
  const name = sameName(kept.name, merged.name)
    ? `“${merged.name}” is ${kept.name} spelt differently, so it is not kept as an alias.`
    : `“${merged.name}” is kept as an alias of ${kept.name}.`;
  return [`${capitalise(joinList(moves))} move to ${kept.name}.`, `${name} Then ${merged.name} is removed from the list of actors.`];
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
