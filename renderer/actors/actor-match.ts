import { nameKey } from '../../main/common/fold-text';
import { compareNames } from '../../main/common/sort-orders';

/*
 * How a typed name finds an actor. Sources spell the same group many ways (“Libération”,
 * “Liberation”, “AL-QAEDA”, “al Qaeda”), so names and aliases are compared folded: without case,
 * accents, or the punctuation and spacing between words.
 */

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

export interface Named {
  name: string;
  aliases: readonly string[];
}

export interface ActorMatch<A extends Named> {
  actor: A;
  /** The alias the query matched, when it matched an alias better than the name. */
  alias: string | null;
}

/**
 * 0 exact, 1 prefix, 2 a later word's prefix; null otherwise. Only the starts of words: people
 * type names from their beginnings, and "Wad" (for Wadoud) must not offer MNLA for "l’Azawad".
 */
function rankOf(term: string, query: string): number | null {
  const key = nameKey(term);
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  return null;
}

/**
 * The actors a typed query could mean, best first: a name before an alias at the same strength,
 * then alphabetically. An empty query lists every actor by name.
 */
export function matchActors<A extends Named>(actors: readonly A[], query: string): Array<ActorMatch<A>> {
  const folded = nameKey(query);
  const byName = (a: A, b: A) => compareNames(a.name, b.name);
  if (folded.length === 0) return [...actors].sort(byName).map((actor) => ({ actor, alias: null }));
  const ranked: Array<ActorMatch<A> & { rank: number }> = [];
  for (const actor of actors) {
    let best: { rank: number; alias: string | null } | null = null;
    const nameRank = rankOf(actor.name, folded);
    if (nameRank !== null) best = { rank: nameRank, alias: null };
    for (const alias of actor.aliases) {
      const aliasRank = rankOf(alias, folded);
      if (aliasRank !== null && (best === null || aliasRank + 0.5 < best.rank)) best = { rank: aliasRank + 0.5, alias };
    }
    if (best) ranked.push({ actor, ...best });
  }
  ranked.sort((a, b) => a.rank - b.rank || byName(a.actor, b.actor));
  return ranked.map(({ actor, alias }) => ({ actor, alias }));
}

/** Whether some actor is already called this, by name or alias, up to case and accents. */
export function isKnownName(actors: readonly Named[], text: string): boolean {
  const key = nameKey(text);
  return key.length > 0 && actors.some((actor) => nameKey(actor.name) === key || actor.aliases.some((alias) => nameKey(alias) === key));
}

/** Aliases as typed in the form: one a line or separated by commas, repeats (up to case and accents) once. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const piece of text.split(/[\n,]/)) {
    const alias = piece.replace(/\s+/g, ' ').trim();
    const key = nameKey(alias);
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}
