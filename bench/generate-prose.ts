import { Picker } from './seeded-random';
import { COMMON, CONNECTIVES, DESCRIPTIVE, PEOPLE, PLACES, SUBJECT } from './vocabulary';

/**
 * Plain prose for the larger benchmarks, as blocks (headings, paragraphs, lists) that render to
 * Markdown for an import, or straight to the plain text and HTML the core would have stored, for
 * libraries built by direct inserts.
 */
export type Block = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface ProseOptions {
  /** Invented words, drawn Zipf-like (the first often, the last rarely), so an index has a long tail of terms as real text does. */
  rareWords?: readonly string[];
  /** Share of words drawn from rareWords. */
  rareRate?: number;
  /** Phrases dropped into sentences now and then: repeated stock phrases, actors' names. */
  phrases?: readonly string[];
  /** Chance per sentence of one of the phrases. */
  phraseRate?: number;
}

export class Prose {
  constructor(
    readonly pick: Picker,
    private readonly options: ProseOptions = {},
  ) {}

  word(): string {
    const { rareWords, rareRate = 0 } = this.options;
    const roll = this.pick.random();
    if (rareWords && roll < rareRate) {
      // P(index < k) = (k / n)^(1/4): the head of the list is common, its tail appears a handful of times.
      return rareWords[Math.floor(rareWords.length * this.pick.random() ** 4)]!;
    }
    const r = this.pick.random();
    if (r < 0.5) return this.pick.pick(COMMON);
    if (r < 0.75) return this.pick.pick(SUBJECT);
    if (r < 0.9) return this.pick.pick(DESCRIPTIVE);
    if (r < 0.95) return this.pick.pick(PLACES);
    return this.pick.pick(PEOPLE).split(' ')[0]!;
  }

  /** A sentence of about min..max words (phrases count as they are written). */
  sentence(min = 8, max = 26): { text: string; words: number } {
    const count = this.pick.int(min, max);
    const out: string[] = [];
    if (this.pick.chance(0.15)) out.push(this.pick.pick(CONNECTIVES));
    while (out.length < count) out.push(this.word());
    const { phrases, phraseRate = 0 } = this.options;
    let words = out.length;
    if (phrases && phrases.length > 0 && this.pick.chance(phraseRate)) {
      const phrase = this.pick.pick(phrases);
      out.splice(this.pick.int(1, out.length), 0, phrase);
      words += phrase.split(' ').length;
    }
    if (this.pick.chance(0.08)) out.splice(this.pick.int(1, out.length), 0, `(${this.pick.int(1990, 2024)})`);
    return { text: `${capitalise(out.join(' '))}${this.pick.chance(0.08) ? '?' : '.'}`, words };
  }

  /** About `words` words of headings, paragraphs and lists. */
  blocks(words: number): { blocks: Block[]; words: number } {
    const blocks: Block[] = [];
    let total = 0;
    let sinceHeading = 0;
    while (total < words) {
      if (sinceHeading >= this.pick.int(4, 8)) {
        const heading = capitalise(`${this.pick.pick(DESCRIPTIVE)} ${this.pick.pick(SUBJECT)} ${this.pick.chance(0.5) ? `in ${this.pick.pick(PLACES)}` : ''}`.trim());
        blocks.push({ kind: 'heading', text: heading });
        total += heading.split(' ').length;
        sinceHeading = 0;
      }
      sinceHeading++;
      if (this.pick.chance(0.05)) {
        const items = Array.from({ length: this.pick.int(3, 5) }, () => this.sentence(5, 12));
        blocks.push({ kind: 'list', items: items.map((item) => item.text) });
        total += items.reduce((sum, item) => sum + item.words, 0);
        continue;
      }
      const sentences: string[] = [];
      for (let s = this.pick.int(3, 7); s > 0; s--) {
        const next = this.sentence();
        sentences.push(next.text);
        total += next.words;
      }
      blocks.push({ kind: 'paragraph', text: sentences.join(' ') });
    }
    return { blocks, words: total };
  }
}

export function blocksToMarkdown(title: string, blocks: readonly Block[]): string {
  const parts = [`# ${title}`];
  for (const block of blocks) {
    if (block.kind === 'heading') parts.push(`## ${block.text}`);
    else if (block.kind === 'paragraph') parts.push(block.text);
    else parts.push(block.items.map((item) => `- ${item}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** The plain text the core stores for these blocks: blocks apart by a blank line, list items by a newline. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((block) => (block.kind === 'list' ? block.items.join('\n') : block.text)).join('\n\n');
}

/** HTML whose text content, with the separators the core puts between blocks, is blocksToText. */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'heading') return `<h2>${escapeHtml(block.text)}</h2>`;
      if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}</ul>`;
    })
    .join('\n\n');
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kh', 'gr', 'sh', 'tr', 'ch', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k'];

/** `count` distinct invented words of two to four syllables, none of them a vocabulary word. */
export function inventWords(pick: Picker, count: number): string[] {
  const taken = new Set<string>([...COMMON, ...SUBJECT, ...DESCRIPTIVE]);
  const words: string[] = [];
  while (words.length < count) {
    let word = '';
    for (let s = pick.int(2, 4); s > 0; s--) word += pick.pick(ONSETS) + pick.pick(VOWELS) + pick.pick(CODAS);
    if (taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
