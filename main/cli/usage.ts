import { COMMANDS } from './command-specs';

export function usageText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.synopsis.length));
  const lines = [
    'Usage: fieldbook [--library PATH] COMMAND [ARGS]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.synopsis.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  Show this help.`,
    '',
    'Options:',
    '  --library PATH  The library folder (or library file) to use. Without it, FIELDBOOK_LIBRARY,',
    "                  then the desktop app's library.",
    '  --json          Print machine-readable JSON (list, show, grade, search, actors, actor, network, themes, theme, cooccurrence, timeline, ach).',
    '  -h, --help      Show this help.',
    '',
    'Exit status: 0 done, 1 something failed (details on stderr), 2 the command line was wrong.',
  ];
  return `${lines.join('\n')}\n`;
}
