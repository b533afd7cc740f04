import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';

export function runReindex({ library, io }: CommandInput): number {
  callOp(library, 'search.rebuild', {});
  io.stdout.write('The search index was rebuilt.\n');
  return EXIT_OK;
}
