/** Where the command line writes, and the environment it reads; tests pass their own. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Exit codes a script can branch on. */
export const EXIT_OK = 0;
/** Something went wrong while doing what was asked: a missing document, a refused file, an unusable library. */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong: an unknown command or option, a missing or malformed argument. */
export const EXIT_USAGE = 2;

/**
 * A failure meant for the person at the terminal: runCli prints its message as one
 * `fieldbook: ` line (followed by the usage when the command line itself was wrong).
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_FAILURE | typeof EXIT_USAGE = EXIT_FAILURE,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export function usageError(message: string): CliFailure {
  return new CliFailure(message, EXIT_USAGE, true);
}

/** The one shape every error takes on stderr, so scripts and people can spot it. */
export function errorLine(message: string): string {
  return `fieldbook: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}
