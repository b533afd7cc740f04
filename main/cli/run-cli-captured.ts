import path from 'node:path';
import { runCli } from './cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in-process on one library, as a terminal would, and keeps what it
 * printed. HOME and the config folder point into `home`, so nothing reaches the user's own library.
 */
export async function runCliCaptured(library: string, home: string, argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--library', library, ...argv], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') },
  });
  return { code, stdout, stderr };
}
