import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate } from '../format-table';
import { writeJson } from '../write-json';

const TITLE_WIDTH = 70;

export function runList({ library, io, json }: CommandInput): number {
  const documents = callOp(library, 'documents.list', {});
  if (json) {
    writeJson(io, documents);
    return EXIT_OK;
  }
  if (documents.length === 0) {
    io.stdout.write('The library has no documents yet. Add some with: fieldbook import FILE...\n');
    return EXIT_OK;
  }
  const rows = documents.map((d) => [String(d.id), truncate(d.title, TITLE_WIDTH), String(d.wordCount), d.importedAt.slice(0, 10)]);
  io.stdout.write(
    formatTable([{ header: 'ID', align: 'right' }, { header: 'TITLE' }, { header: 'WORDS', align: 'right' }, { header: 'IMPORTED' }], rows),
  );
  return EXIT_OK;
}
