import type { Library } from '../core/db/library';
import { CliFailure, EXIT_FAILURE, EXIT_OK, errorLine, type CliIo } from './cli-io';
import { parseArgs } from './parse-args';
import { usageText } from './usage';

/**
 * Runs one command line (argv without node and the script) and returns the exit code. Never
 * throws: every failure ends as one `fieldbook: ` line on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let library: Library | undefined;
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(usageText());
      return EXIT_OK;
    }
    const run = await parsed.command.load();
    // Loaded late for the same reason as the commands: opening a library pulls in the importer.
    const { openCliLibrary } = await import('./open-cli-library');
    library = openCliLibrary(parsed.libraryFlag, io.env);
    return await run({ library, io, operands: parsed.operands, json: parsed.json, options: parsed.options });
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr.write(errorLine(error.message));
      if (error.showUsage) io.stderr.write(`\n${usageText()}`);
      return error.exitCode;
    }
    io.stderr.write(errorLine(`unexpected error: ${error instanceof Error ? error.message : String(error)}`));
    return EXIT_FAILURE;
  } finally {
    library?.close();
  }
}

/** The entry the `fieldbook` launcher calls, wired to the real process. */
export async function main(): Promise<void> {
  // `fieldbook list | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
