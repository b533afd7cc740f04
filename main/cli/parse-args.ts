import { findCommand, type CommandSpec } from './command-specs';
import { usageError } from './cli-io';

export type ParsedArgs =
  | { kind: 'help' }
  | {
      kind: 'command';
      command: CommandSpec;
      libraryFlag: string | undefined;
      operands: string[];
      json: boolean;
      /** Value-taking options the command declares, e.g. `--replace 3` → { replace: '3' }. */
      options: Record<string, string>;
    };

/**
 * Reads argv (without node and the script). `--library` may appear anywhere, before or after the
 * command; after `--` everything is an operand, so a file named `-notes.md` can still be imported.
 * Throws a usage error (exit 2) for anything it does not understand.
 */
/** Options that are switches, taking no value: given, they read as `yes` (`--suggested` → { suggested: 'yes' }). */
const SWITCHES = new Set(['suggested']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let libraryFlag: string | undefined;
  let json = false;
  let help = false;
  const positional: string[] = [];
  const valued: Array<[string, string]> = [];
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
    } else if (SWITCHES.has(arg.slice(2)) && arg.startsWith('--')) {
      valued.push([arg.slice(2), 'yes']);
    } else if (/^--[a-z][a-z-]*(=.*)?$/.test(arg) && !/^--(json|help|library)\b/.test(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw usageError(`--${name} needs a value.`);
      valued.push([name, value]);
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
  const options: Record<string, string> = {};
  for (const [option, value] of valued) {
    if (!command.options?.includes(option)) throw usageError(`unknown option --${option} for ${command.name}.`);
    if (option in options) throw usageError(`--${option} was given more than once.`);
    options[option] = value;
  }
  if (operands.length < command.operands.min) throw usageError(`${command.name} needs ${command.operands.name}.`);
  if (operands.length > command.operands.max) {
    throw usageError(`${command.name} takes ${describeCount(command.operands.max)}; got ${operands.length}.`);
  }
  return { kind: 'command', command, libraryFlag, operands, json, options };
}

function describeCount(max: number): string {
  if (max === 0) return 'no arguments';
  return max === 1 ? 'one argument' : `at most ${max} arguments`;
}
