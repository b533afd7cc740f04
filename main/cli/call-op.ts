import type { OpName, OpOutputs } from '../common/contract';
import type { Library } from '../core/db/library';
import { dispatch } from '../ops';
import { CliFailure, EXIT_FAILURE, EXIT_USAGE } from './cli-io';

/**
 * Calls one operation through the same door as the desktop app and the browser host. The input is
 * whatever the user typed, unchecked: dispatch validates it against the contract, and its message
 * is what the user sees. A failed call becomes a CliFailure (bad input exits 2, the rest 1).
 */
export function callOp<N extends OpName>(library: Library, name: N, input: unknown): OpOutputs[N] {
  const result = dispatch({ library }, name, input);
  if (!result.ok) {
    // An encrypted PDF's password is given on the command line with --password.
    const hint = result.error.password === 'needed' ? ' Give it with --password.' : '';
    throw new CliFailure(`${result.error.message}${hint}`, result.error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILURE);
  }
  return result.value as OpOutputs[N];
}
