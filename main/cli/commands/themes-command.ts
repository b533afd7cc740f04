import type { ThemeNode } from '../../common/records';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';
import { passageText } from '../passage-text';

interface CodebookEntry {
  id: number;
  name: string;
  children: CodebookEntry[];
}

/** The codebook's shape for scripts (issue #18): ids, names and the tree, nothing that changes with tagging. */
const asCodebook = (nodes: ThemeNode[]): CodebookEntry[] => nodes.map((n) => ({ id: n.id, name: n.name, children: asCodebook(n.children) }));

export function runThemes({ library, io, json }: CommandInput): number {
  const themes = callOp(library, 'themes.list', {});
  if (json) {
    writeJson(io, asCodebook(themes));
    return EXIT_OK;
  }
  if (themes.length === 0) {
    io.stdout.write('No themes yet.\n');
    return EXIT_OK;
  }
  const lines: string[] = [];
  const walk = (nodes: ThemeNode[], depth: number) => {
    for (const node of nodes) {
      const count = `${node.passageCount} passage${node.passageCount === 1 ? '' : 's'}`;
      lines.push(`${'  '.repeat(depth)}${node.name} (#${node.id}, ${count})`);
      walk(node.children, depth + 1);
    }
  };
  walk(themes, 0);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export function runThemePage({ library, io, operands, json }: CommandInput): number {
  const page = callOp(library, 'themes.page', { id: idFromArgument(operands[0]!) });
  if (json) {
    writeJson(io, page);
    return EXIT_OK;
  }
  const { theme } = page;
  const lines = [
    [...page.path.map((p) => p.name), theme.name].join(' › '),
    ...(theme.description ? [theme.description] : []),
    ...(page.children.length > 0 ? [`Sub-themes: ${page.children.map((c) => c.name).join('; ')}`] : []),
    '',
    `Passages (${page.passageCount})`,
    ...page.passages.map((p) => `  ${passageText(p.highlight)} — ${p.documentTitle}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
