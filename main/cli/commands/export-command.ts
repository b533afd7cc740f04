import path from 'node:path';
import type { ArchivedFileReference, ExportedFile, ExportedFolder } from '../../common/records';
import { describeReference } from '../../common/file-references';
import { describeCounts } from '../../common/restore-counts';
import type { Library } from '../../core/db/library';
import { FieldbookError } from '../../core/errors';
import { assertNotLibraryPath, fileProblem, singleFileDestination } from '../../core/export/export-destination';
import { writeExportFile, writeExportFolder } from '../../core/export/export-output';
import { ATTACHMENTS_FOLDER, storedFileHashes } from '../../core/export/vault-attachments';
import { callOp } from '../call-op';
import { CliFailure, EXIT_FAILURE, EXIT_OK, usageError } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { readFileBytes } from '../read-file-bytes';
import { findReferredFiles } from '../referred-files';

const FORMATS = ['markdown', 'html', 'w3c', 'csv', 'json', 'vault', 'qdpx', 'qdc', 'graphml', 'gexf', 'cooccurrence', 'cooccurrence-actors', 'timeline-csv', 'timeline-markdown'] as const;
type Format = (typeof FORMATS)[number];
type Scope = { kind: 'library' } | { kind: 'note' | 'document' | 'actor'; id: number | string };

/** Which formats each scope can be written in, and the operation that writes it. */
function exportFor(library: Library, format: Format, scope: Scope, bom: boolean, originals: string | undefined): ExportedFile | ExportedFolder {
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
      return callOp(library, 'export.archive', { originals });
    case 'vault:library':
      return callOp(library, 'export.vault', { originals });
    case 'graphml:library':
      return callOp(library, 'export.network', { format: 'graphml' });
    case 'gexf:library':
      return callOp(library, 'export.network', { format: 'gexf' });
    case 'cooccurrence:library':
      return callOp(library, 'export.coOccurrence', { against: 'themes', bom });
    case 'cooccurrence:document':
      return callOp(library, 'export.coOccurrence', { against: 'themes', documentId: id, bom });
    case 'cooccurrence-actors:library':
      return callOp(library, 'export.coOccurrence', { against: 'actors', bom });
    case 'cooccurrence-actors:document':
      return callOp(library, 'export.coOccurrence', { against: 'actors', documentId: id, bom });
    case 'timeline-csv:library':
      return callOp(library, 'export.timeline', { format: 'csv', bom });
    case 'timeline-csv:document':
      return callOp(library, 'export.timeline', { format: 'csv', documentId: id, bom });
    case 'timeline-markdown:library':
      return callOp(library, 'export.timeline', { format: 'markdown' });
    case 'timeline-markdown:document':
      return callOp(library, 'export.timeline', { format: 'markdown', documentId: id });
    case 'qdpx:library':
      return callOp(library, 'export.qdpx', {});
    case 'qdc:library':
      return callOp(library, 'export.qdc', {});
  }
  const what = scope.kind === 'library' ? 'the whole library' : `a ${scope.kind}`;
  throw usageError(`--format ${format} cannot export ${what}.`);
}

/**
 * `export --format FORMAT --out PATH [--note ID | --document ID | --actor ID]`. Files are written
 * atomically: an interrupted export never leaves a half-written file under the final name. An
 * export never lands on the library or its backups, and never replaces or removes a file it did
 * not write: a vault goes into a `Fieldbook` folder inside a folder that holds other files.
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
  if (options.originals !== undefined && !['json', 'vault'].includes(format)) throw usageError('--originals is for --format json and vault, which carry PDFs and EPUBs.');
  if (options.originals !== undefined && !['include', 'refer'].includes(options.originals)) throw usageError('--originals takes include or refer.');
  const out = path.resolve(options.out);
  try {
    assertNotLibraryPath(out, library.file);
    // Excel reads UTF-8 accents right only with a byte-order mark; other tools may prefer none.
    const result = exportFor(library, format, scope, options.bom !== 'no', options.originals);
    if ('files' in result) {
      // A vault's PDFs and EPUBs cross the operation as base64; on disk they are their bytes.
      const contents = result.files.map((file) => ({ path: file.path, content: file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content }));
      // A vault that names its PDFs and EPUBs leaves the copies an earlier full one wrote of those still in the library.
      const stillHeld = format === 'vault' && options.originals === 'refer' ? storedFileHashes(library) : new Set<string>();
      const report = writeExportFolder(
        out,
        format,
        contents,
        (folder) => assertNotLibraryPath(folder, library.file),
        (relative, hashes) => relative.startsWith(`${ATTACHMENTS_FOLDER}/`) && hashes.some((hash) => stillHeld.has(hash)),
      );
      const where = report.intoSubfolder ? ` (${out} already held other files, so the export went into its ${path.basename(report.folder)} folder)` : '';
      const unchanged = report.unchanged > 0 ? `; ${files(report.unchanged)} already up to date` : '';
      const removed = report.removed > 0 ? `; removed ${files(report.removed)} an earlier export wrote that ${report.removed === 1 ? 'is' : 'are'} no longer in the library` : '';
      const kept = report.kept > 0 ? `; left ${files(report.kept)} an earlier export wrote in ${ATTACHMENTS_FOLDER}/, which this one only names` : '';
      io.stdout.write(`wrote ${files(report.written)} to ${report.folder}${where}${unchanged}${removed}${kept}\n`);
    } else {
      const file = singleFileDestination(options.out, result.fileName);
      assertNotLibraryPath(file, library.file);
      writeExportFile(file, result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : result.content);
      io.stdout.write(`wrote ${file}\n`);
    }
  } catch (error) {
    if (error instanceof FieldbookError) throw new CliFailure(error.message);
    const problem = fileProblem(error);
    if (problem !== null) throw new CliFailure(`could not write the export to ${out}: ${problem}.`);
    throw error;
  }
  return EXIT_OK;
}

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

export function runRestore({ library, io, operands, options }: CommandInput): number {
  const json = readFileBytes(operands[0]!).toString('utf8');
  let answer = archiveFailureExits1(() => callOp(library, 'library.restoreArchive', { json }));
  if ('filesNeeded' in answer && options.files !== undefined) {
    const files = findReferredFiles(path.resolve(options.files), answer.filesNeeded);
    if (files.length > 0) answer = archiveFailureExits1(() => callOp(library, 'library.restoreArchive', { json, files }));
  }
  if ('filesNeeded' in answer) {
    // One line a file, above the one-line failure that says what to do about them.
    for (const file of answer.filesNeeded) io.stderr.write(`missing: ${describeReference(file)} for “${file.title}”, SHA-256 ${file.sha256}\n`);
    throw new CliFailure(filesStillNeeded(answer.filesNeeded, options.files));
  }
  const report = answer;
  io.stdout.write(`restored: added ${describeCounts(report.added)}\n`);
  for (const conflict of report.conflicts) io.stdout.write(`conflict: ${conflict.kind} “${conflict.title}”: ${conflict.reason}\n`);
  return EXIT_OK;
}

function filesStillNeeded(files: readonly ArchivedFileReference[], folder: string | undefined): string {
  const what = files.length === 1 ? 'a PDF or EPUB' : `${files.length} PDFs and EPUBs`;
  const them = files.length === 1 ? 'it' : 'them';
  const ask = folder === undefined ? `; give --files FOLDER, a folder that holds ${them}` : `, and ${files.length === 1 ? 'it is' : 'they are'} not in ${folder}`;
  return `nothing was restored: the archive refers to ${what} it does not carry (listed above)${ask}.`;
}

/**
 * A damaged or refused archive is a problem with the file, not with the command line, so it exits
 * 1 like any failure to do what was asked; exit 2 stays reserved for a wrong command line.
 */
function archiveFailureExits1<T>(restore: () => T): T {
  try {
    return restore();
  } catch (error) {
    if (error instanceof CliFailure && error.exitCode !== EXIT_FAILURE) throw new CliFailure(error.message, EXIT_FAILURE);
    throw error;
  }
}
