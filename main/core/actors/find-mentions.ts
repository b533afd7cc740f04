import { wordTokens, type WordToken } from '../text/word-tokens';
import { wordsOf } from '../../common/fold-text';

export interface NamedActor {
  id: number;
  /** The name first, then the aliases. */
  names: string[];
}

export interface Mention {
  actorId: number;
  start: number;
  end: number;
  /** The words as the document writes them. */
  text: string;
}

interface Phrase {
  actorId: number;
  words: string[];
}

/**
 * Finds every whole-word mention of the actors' names and aliases. Built once per set of actors,
 * then run over any number of documents. Overlapping names resolve to the longest: "Al-Qaeda in
 * the Islamic Maghreb" is AQIM, not the "Al-Qaeda" inside it.
 */
export class MentionFinder {
  /** Phrases by their first word, longest first. */
  private readonly byFirstWord = new Map<string, Phrase[]>();

  constructor(actors: NamedActor[]) {
    for (const actor of actors) {
      for (const name of actor.names) {
        const words = wordsOf(name);
        const first = words[0];
        if (!first) continue;
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ actorId: actor.id, words });
        this.byFirstWord.set(first, list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string): Mention[] {
    const tokens = wordTokens(text);
    const mentions: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.longestAt(tokens, i);
      if (!match) {
        i++;
        continue;
      }
      const start = tokens[i]!.start;
      const end = tokens[i + match.words.length - 1]!.end;
      mentions.push({ actorId: match.actorId, start, end, text: text.slice(start, end) });
      i += match.words.length;
    }
    return mentions;
  }

  private longestAt(tokens: WordToken[], at: number): Phrase | undefined {
    const candidates = this.byFirstWord.get(tokens[at]!.word);
    if (!candidates) return undefined;
    return candidates.find((phrase) => phrase.words.every((word, k) => tokens[at + k]?.word === word));
  }
}
