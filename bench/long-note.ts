import type { Prose } from './generate-prose';
import { heading, list, paragraph, text, type LexicalJson } from './lexical-json';

/**
 * A long working note: headings, paragraphs (some bold words), lists, and the given links,
 * mentions and quotes spread evenly through it, each used once.
 */
export function longNote(
  prose: Prose,
  wordCount: number,
  targets: { links: LexicalJson[]; mentions: LexicalJson[]; quotes: LexicalJson[] },
): { blocks: LexicalJson[]; words: number; marks: { links: number; mentions: number; quotes: number } } {
  const { pick } = prose;
  const generated = prose.blocks(wordCount);
  // Links and mentions alternate while both last.
  const pending = targets.links.flatMap((link, i) => (i < targets.mentions.length ? [link, targets.mentions[i]!] : [link]));
  pending.push(...targets.mentions.slice(targets.links.length));
  const quotes = [...targets.quotes];
  const paragraphs = generated.blocks.filter((b) => b.kind === 'paragraph').length;
  const inlinePerParagraph = Math.ceil(pending.length / paragraphs);
  const quoteEvery = Math.max(1, Math.floor(generated.blocks.length / (quotes.length + 1)));
  const blocks: LexicalJson[] = [];
  generated.blocks.forEach((block, index) => {
    if (block.kind === 'heading') blocks.push(heading('h2', [text(block.text)]));
    else if (block.kind === 'list') blocks.push(list(block.items.map((item) => [text(item)])));
    else {
      const sentences = block.text.split(/(?<=[.?]) /);
      const children: LexicalJson[] = [];
      sentences.forEach((sentence, s) => {
        children.push(text(`${s > 0 ? ' ' : ''}${sentence}`, pick.chance(0.05) ? 1 : 0));
        if (s < inlinePerParagraph && pending.length > 0) children.push(text(' '), pending.shift()!);
      });
      blocks.push(paragraph(children));
    }
    if (index % quoteEvery === quoteEvery - 1 && quotes.length > 0) blocks.push(quotes.shift()!);
  });
  blocks.push(...quotes.splice(0), ...pending.splice(0).map((inline) => paragraph([inline])));
  return { blocks, words: generated.words, marks: { links: targets.links.length, mentions: targets.mentions.length, quotes: targets.quotes.length } };
}
