import { findCommand, type CommandSpec } from './command-specs';
import { usageError } from './cli-io';

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'command'; command: CommandSpec; libraryFlag: string | undefined; operands: string[]; json: boolean };

/**
 * Reads argv (without node and the script). `--library` may appear anywhere, before or after the
 * command; after `--` everything is an operand, so a file named `-notes.md` can still be imported.
 * Throws a usage error (exit 2) for anything it does not understand.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let libraryFlag: string | undefined;
  let json = false;
  let help = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--library' || arg.startsWith('--library=')) {
      const value = arg === '--library' ? argv[++i] : arg.slice('--library='.length);
      if (value === undefined || value === '') throw usageError('--library needs a path.');
      if (libraryFlag !== undefined) throw usageError('--library was given more than once.');
      libraryFlag = value;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw usageError(`unknown option ${arg}.`);
    } else {
      positional.push(arg);
    }
  }

  const [name, ...operands] = positional;
  if (help || name === 'help') return { kind: 'help' };
  if (name === undefined) throw usageError('no command given.');
  const command = findCommand(name);
  if (!command) throw usageError(`unknown command "${name}".`);
  if (json && !command.acceptsJson) throw usageError(`${command.name} does not take --json.`);
  if (operands.length < command.operands.min) throw usageError(`${command.name} needs ${command.operands.name}.`);
  if (operands.length > command.operands.max) {
    throw usageError(`${command.name} takes ${describeCount(command.operands.max)}; got ${operands.length}.`);
  }
  return { kind: 'command', command, libraryFlag, operands, json };
}

function describeCount(max: number): string {
  if (max === 0) return 'no arguments';
  return max === 1 ? 'one argument' : `at most ${max} arguments`;
}
