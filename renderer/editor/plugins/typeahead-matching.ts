import { foldCharacters } from '../../../main/common/fold-text';
import type { Actor, NoteSummary } from '../../../main/common/records';

/** Where a trigger matched the text before the caret, in the shape Lexical's typeahead menu wants. */
export interface TriggerMatch {
  leadOffset: number;
  matchingString: string;
  replaceableString: string;
}

const MAX_QUERY = 100;
const SHOWN = 8;

/** `[[` then a title typed so far; a `]` or a line break ends it (the link was closed or abandoned). */
export function matchNoteLinkTrigger(textBeforeCaret: string): TriggerMatch | null {
  const match = /\[\[([^[\]\n]{0,100})$/.exec(textBeforeCaret);
  if (!match) return null;
  return { leadOffset: match.index, matchingString: match[1] ?? '', replaceableString: match[0] };
}

/**
 * `@` at the start of a word (so an e-mail address never opens it), then the name typed so far.
 * Names have spaces ("Mokhtar Belmokhtar"), so spaces are allowed; the caller closes the menu once
 * a query with a space stops matching any actor, so ordinary prose after an @ is left alone.
 */
export function matchMentionTrigger(textBeforeCaret: string): TriggerMatch | null {
  const match = /(^|[\s(“"'])@([^\s@][^@\n]{0,59})?$/.exec(textBeforeCaret);
  if (!match) return null;
  const lead = match[1] ?? '';
  const query = match[2] ?? '';
  return { leadOffset: match.index + lead.length, matchingString: query, replaceableString: `@${query}` };
}

/** Case and accents do not matter: "belmokhtar" finds "Belmokhtar", "quebec" finds "Québec". */
export function fold(text: string): string {
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

/**
 * 0 exact, 1 starts with, 2 a word starts with, 3 contains (only `inWords`); null when it does not
 * match at all. A word starts after a space, a dash or an elided article's apostrophe (“l’Azawad”).
 */
function score(candidate: string, query: string, inWords: boolean): number | null {
  const folded = fold(candidate);
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.split(/[\s\-–—/(),.:;'’]+/).some((word) => word.startsWith(query))) return 2;
  if (inWords && folded.includes(query)) return 3;
  return null;
}

export type NoteChoice = { kind: 'note'; note: NoteSummary } | { kind: 'create'; title: string };

/**
 * The notes to offer after `[[`: the best matches, most recently changed first among equals
 * (the list arrives in that order), then "Create note" when no title is exactly the query.
 */
export function noteChoices(notes: readonly NoteSummary[], query: string, excludeId: number | null): NoteChoice[] {
  const wanted = fold(query.slice(0, MAX_QUERY));
  const ranked = notes
    .filter((note) => note.id !== excludeId)
    .map((note, order) => ({ note, order, score: wanted ? score(note.title || 'Untitled', wanted, true) : 1 }))
    .filter((entry): entry is { note: NoteSummary; order: number; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, SHOWN)
    .map((entry): NoteChoice => ({ kind: 'note', note: entry.note }));
  const title = query.trim();
  const exists = notes.some((note) => fold(note.title) === wanted);
  return title && !exists ? [...ranked, { kind: 'create', title }] : ranked;
}

export interface ActorChoice {
  actor: Actor;
  /** The alias the query matched, when it matched an alias better than the name. */
  alias: string | null;
}

/**
 * The actors to offer after `@`, by name or alias, best match first. Only the starts of words
 * match: people type a name from its beginning, and “@Wad” (for Wadoud) must not offer MNLA for
 * the “wad” inside “l’Azawad”, as the actor field's matchActors already refuses.
 */
export function actorChoices(actors: readonly Actor[], query: string): ActorChoice[] {
  const wanted = fold(query);
  const ranked: Array<ActorChoice & { score: number }> = [];
  for (const actor of actors) {
    if (!wanted) {
      ranked.push({ actor, alias: null, score: 1 });
      continue;
    }
    let best: { score: number; alias: string | null } | null = null;
    const byName = score(actor.name, wanted, false);
    if (byName !== null) best = { score: byName, alias: null };
    for (const alias of actor.aliases) {
      const byAlias = score(alias, wanted, false);
      if (byAlias !== null && (best === null || byAlias < best.score)) best = { score: byAlias, alias };
    }
    if (best) ranked.push({ actor, ...best });
  }
  return ranked
    .sort((a, b) => a.score - b.score || a.actor.name.localeCompare(b.actor.name))
    .slice(0, SHOWN)
    .map(({ actor, alias }) => ({ actor, alias }));
}
