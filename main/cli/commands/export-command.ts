import path from 'node:path';
import type { ExportedFile, ExportedFolder } from '../../api';
import type { Library } from '../../core/db/library';
import { writeFileAtomically, writeFolderAtomically } from '../../core/export/write-atomically';
import { callOp } from '../call-op';
import { EXIT_OK, usageError } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { readFileBytes } from '../read-file-bytes';

const FORMATS = ['markdown', 'html', 'w3c', 'csv', 'json', 'vault'] as const;
type Format = (typeof FORMATS)[number];
type Scope = { kind: 'library' } | { kind: 'note' | 'document' | 'actor'; id: number | string };

/** Which formats each scope can be written in, and the operation that writes it. */
function exportFor(library: Library, format: Format, scope: Scope, bom: boolean): ExportedFile | ExportedFolder {
  const id = scope.kind === 'library' ? undefined : scope.id;
  switch (`${format}:${scope.kind}`) {
    case 'markdown:note':
      return callOp(library, 'export.noteMarkdown', { id });
    case 'markdown:document':
      return callOp(library, 'export.documentMarkdown', { id });
    case 'markdown:actor':
      return callOp(library, 'export.actorMarkdown', { id });
    case 'html:note':
      return callOp(library, 'export.noteHtml', { id });
    case 'html:document':
      return callOp(library, 'export.documentHtml', { id });
    case 'w3c:document':
      return callOp(library, 'export.webAnnotations', { documentId: id });
    case 'w3c:library':
      return callOp(library, 'export.webAnnotations', {});
    case 'csv:library':
      return callOp(library, 'export.highlightsCsv', { scope: { kind: 'library' }, bom });
    case 'csv:document':
      return callOp(library, 'export.highlightsCsv', { scope: { kind: 'document', documentId: id }, bom });
    case 'csv:actor':
      return callOp(library, 'export.highlightsCsv', { scope: { kind: 'actor', actorId: id }, bom });
    case 'json:library':
      return callOp(library, 'export.archive', {});
    case 'vault:library':
      return callOp(library, 'export.vault', {});
  }
  const what = scope.kind === 'library' ? 'the whole library' : `a ${scope.kind}`;
  throw usageError(`--format ${format} cannot export ${what}.`);
}

/**
 * `export --format FORMAT --out PATH [--note ID | --document ID | --actor ID]`. Files are written
 * atomically: an interrupted export never leaves a half-written file under the final name.
 */
export function runExport({ library, io, options }: CommandInput): number {
  const format = options.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}.`);
  if (!options.out) throw usageError('--out PATH is needed.');
  const scopes = (['note', 'document', 'actor'] as const).filter((kind) => options[kind] !== undefined);
  if (scopes.length > 1) throw usageError('give at most one of --note, --document and --actor.');
  const kind = scopes[0];
  const scope: Scope = kind ? { kind, id: idFromArgument(options[kind]!) } : { kind: 'library' };
  if (options.bom !== undefined && !['yes', 'no'].includes(options.bom)) throw usageError('--bom takes yes or no.');
  // Excel reads UTF-8 accents right only with a byte-order mark; other tools may prefer none.
  const result = exportFor(library, format, scope, options.bom !== 'no');
  const out = path.resolve(options.out);
  if ('files' in result) {
    writeFolderAtomically(out, result.files);
    io.stdout.write(`wrote ${result.files.length} files to ${out}\n`);
  } else {
    writeFileAtomically(out, result.content);
    io.stdout.write(`wrote ${out}\n`);
  }
  return EXIT_OK;
}

export function runRestore({ library, io, operands }: CommandInput): number {
  const report = callOp(library, 'library.restoreArchive', { json: readFileBytes(operands[0]!).toString('utf8') });
  const added = Object.entries(report.added).map(([kind, n]) => `${n} ${kind}`).join(', ');
  io.stdout.write(`restored: added ${added}\n`);
  for (const conflict of report.conflicts) io.stdout.write(`conflict: ${conflict.kind} “${conflict.title}”: ${conflict.reason}\n`);
  return EXIT_OK;
}
