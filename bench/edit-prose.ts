import type { Block, Prose } from './generate-prose';

export interface EditCounts {
  insertions: number;
  deletions: number;
  substitutions: number;
}

/**
 * A revised version of some prose: about `rate` of its words edited, spread evenly through it,
 * a third each inserted, deleted and substituted. Headings and list items are edited like
 * paragraphs; the blocks themselves (and so the document's structure) stay as they were.
 */
export function editProse(blocks: readonly Block[], prose: Prose, rate: number): { blocks: Block[]; counts: EditCounts } {
  const counts: EditCounts = { insertions: 0, deletions: 0, substitutions: 0 };
  const { pick } = prose;
  const edit = (line: string): string => {
    const words = line.split(' ');
    const out: string[] = [];
    for (const word of words) {
      if (!pick.chance(rate)) {
        out.push(word);
        continue;
      }
      const kind = pick.int(0, 2);
      // Keep the word's punctuation, so sentences stay sentences.
      const tail = /[.,?!)]+$/.exec(word)?.[0] ?? '';
      if (kind === 0) {
        out.push(word, prose.word());
        counts.insertions++;
      } else if (kind === 1 && words.length > 2) {
        if (tail && out.length > 0) out[out.length - 1] += tail;
        counts.deletions++;
      } else {
        out.push(`${prose.word()}${tail}`);
        counts.substitutions++;
      }
    }
    return out.length > 0 ? out.join(' ') : line;
  };
  return {
    blocks: blocks.map((block) => (block.kind === 'list' ? { kind: 'list', items: block.items.map(edit) } : { kind: block.kind, text: edit(block.text) })),
    counts,
  };
}
