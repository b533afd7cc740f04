import path from 'node:path';
import type { ImportOutcome } from '../../api';
import { callOp } from '../call-op';
import { CliFailure, EXIT_FAILURE, EXIT_OK, errorLine, type CliIo } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { readFileBytes } from '../read-file-bytes';

/**
 * One file per call, in the order given: each file's line appears as soon as it is done, only one
 * file's bytes are in memory at a time, and a file the contract refuses (too large to send) is
 * reported against that file instead of failing the whole batch.
 */
export function runImport({ library, io, operands }: CommandInput): number {
  let failed = false;
  for (const file of operands) {
    try {
      const bytes = readFileBytes(file);
      const [outcome] = callOp(library, 'documents.import', {
        files: [{ name: path.basename(file), base64: bytes.toString('base64') }],
      });
      if (!outcome) throw new CliFailure(`${file} was not imported: the library gave no answer for it.`);
      if (outcome.status === 'refused') failed = true;
      report(io, outcome);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      failed = true;
      io.stderr.write(errorLine(error.message));
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

function report(io: CliIo, outcome: ImportOutcome): void {
  switch (outcome.status) {
    case 'imported':
      io.stdout.write(`imported ${outcome.fileName} as #${outcome.document.id} “${outcome.document.title}”\n`);
      return;
    case 'duplicate':
      io.stdout.write(`already there: ${outcome.message} (#${outcome.document.id})\n`);
      return;
    case 'refused':
      io.stderr.write(errorLine(outcome.message));
      return;
  }
}
