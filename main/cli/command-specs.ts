import type { Library } from '../core/db/library';
import type { CliIo } from './cli-io';

export interface CommandInput {
  library: Library;
  io: CliIo;
  operands: string[];
  json: boolean;
}

export type CommandRun = (input: CommandInput) => number | Promise<number>;

export interface CommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  operands: { min: number; max: number; name: string };
  acceptsJson: boolean;
  /**
   * Loaded only when the command runs: the core pulls in jsdom and friends (a few hundred ms),
   * which `--help` and a mistyped command should not wait for.
   */
  load: () => Promise<CommandRun>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'import',
    synopsis: 'import FILE...',
    summary: 'Import HTML, Markdown or plain-text files; prints what became of each.',
    operands: { min: 1, max: Infinity, name: 'FILE' },
    acceptsJson: false,
    load: async () => (await import('./commands/import-command')).runImport,
  },
  {
    name: 'list',
    synopsis: 'list [--json]',
    summary: 'List the documents in the library.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    load: async () => (await import('./commands/list-command')).runList,
  },
  {
    name: 'show',
    synopsis: 'show ID [--json]',
    summary: "Print a document's details and its plain text.",
    operands: { min: 1, max: 1, name: 'ID' },
    acceptsJson: true,
    load: async () => (await import('./commands/show-command')).runShow,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
