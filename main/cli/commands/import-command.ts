import path from 'node:path';
import fs from 'node:fs';
import { MAX_IMPORT_BYTES, oversizeReason } from '../../common/import-limits';
import type { DocumentParts } from '../../common/document-parts';
import type { ImportOutcome, QdpxImportReport } from '../../common/records';
import { isQdpx } from '../../core/import/qdpx-archive';
import { callOp } from '../call-op';
import { CliFailure, EXIT_FAILURE, EXIT_OK, errorLine, type CliIo } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { readFileBytes } from '../read-file-bytes';
import { usageError } from '../cli-io';

/**
 * One file per call, in the order given: each file's line appears as soon as it is done, only one
 * file's bytes are in memory at a time, and a file the contract refuses (too large to send) is
 * reported against that file instead of failing the whole batch.
 */
export function runImport({ library, io, operands, options }: CommandInput): number {
  if (options.replace !== undefined) return runReplace({ library, io, operands, options });
  let failed = false;
  for (const file of operands) {
    try {
      const size = fileSize(file);
      if (size > MAX_IMPORT_BYTES) throw new CliFailure(`${file} was not imported: ${oversizeReason(size)}.`);
      const upload = fileToImport(file);
      if (upload.isProject) {
        reportProject(io, callOp(library, 'library.importQdpx', { file: upload.file }));
        continue;
      }
      const password = options.password;
      const [outcome] = callOp(library, 'documents.import', { files: [{ ...upload.file, ...(password !== undefined && { password }) }] });
      if (!outcome) throw new CliFailure(`${file} was not imported: the library gave no answer for it.`);
      if (outcome.status === 'refused' || outcome.status === 'cancelled') failed = true;
      report(io, outcome, outcome.status === 'imported' ? fileSummary(callOp(library, 'documents.parts', { id: outcome.document.id })) : '');
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      failed = true;
      io.stderr.write(errorLine(error.message));
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

function report(io: CliIo, outcome: ImportOutcome, summary: string): void {
  switch (outcome.status) {
    case 'imported':
      io.stdout.write(`imported ${outcome.fileName} as #${outcome.document.id} “${outcome.document.title}”${summary}\n`);
      return;
    case 'duplicate':
      io.stdout.write(`already there: ${outcome.message} (#${outcome.document.id})\n`);
      return;
    case 'refused':
      io.stderr.write(errorLine(outcome.password === 'needed' ? `${outcome.message} Give it with --password.` : outcome.message));
      return;
    case 'cancelled':
      io.stderr.write(errorLine(outcome.message));
      return;
  }
}

/** What a PDF or EPUB became: " (PDF, 14 pages)", and a scan says it has no text. Nothing for other files. */
function fileSummary({ file }: DocumentParts): string {
  if (!file) return '';
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = file.kind === 'pdf' ? count(file.partCount, 'page') : count(file.partCount, 'chapter');
  return ` (${file.kind.toUpperCase()}, ${parts}${file.hasText ? '' : '; a scan: no text to highlight or search'})`;
}

/**
 * A REFI-QDA project is told by what it holds (a zip with a project.qde), so a `.qdpx` renamed on
 * the way, or a `.zip`, is still one; a damaged file named .qdpx goes to the project import too,
 * which says what is wrong with it.
 */
function fileToImport(file: string): { isProject: boolean; file: { name: string; bytes: Uint8Array } } {
  const bytes = readFileBytes(file);
  const isProject = isQdpx(bytes) || path.extname(file).toLowerCase() === '.qdpx';
  return { isProject, file: { name: path.basename(file), bytes } };
}

/** What the project added, one row a line, then what the library already held and what was left out, by name. */
function reportProject(io: CliIo, report: QdpxImportReport): void {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const origin = report.project.origin ? ` from ${report.project.origin}` : '';
  const lines = [
    `imported ${report.fileName}, the REFI-QDA project “${report.project.name}”${origin}: ` +
      `added ${count(report.documentsAdded.length, 'document')}, ${count(report.themesAdded.length, 'theme')}, ` +
      `${count(report.actorsAdded.length, 'actor')}, ${count(report.highlightsAdded, 'highlight')}, ${count(report.notesAdded.length, 'note')}`,
    ...report.documentsAdded.map((d) => `  added document #${d.id} “${d.title}”`),
    ...report.themesAdded.map((t) => `  added theme #${t.id} “${t.name}”`),
    ...report.actorsAdded.map((a) => `  added actor #${a.id} “${a.name}”`),
    ...report.notesAdded.map((n) => `  added note #${n.id} “${n.title}”`),
    ...report.documentsFound.map((d) => `  already there: document #${d.id} “${d.title}”; its selections were placed on it`),
    ...(report.highlightsFound > 0 ? [`  already there: ${count(report.highlightsFound, 'highlight')}; their codes were added to them`] : []),
    ...report.skipped.map((s) => `  skipped ${s.kind} “${s.name}”: ${s.reason}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** `import --replace ID [--password PW] FILE`: a newer version of a document, its highlights re-anchored. */
function runReplace({ library, io, operands, options }: Pick<CommandInput, 'library' | 'io' | 'operands' | 'options'>): number {
  if (operands.length !== 1) throw usageError('import --replace takes exactly one FILE.');
  const file = operands[0]!;
  const report = callOp(library, 'documents.replace', {
    id: idFromArgument(options.replace!),
    file: { name: path.basename(file), bytes: readFileBytes(file), ...(options.password !== undefined && { password: options.password }) },
  });
  const total = report.exact + report.approximate + report.orphaned;
  io.stdout.write(
    `replaced #${report.document.id} “${report.document.title}” with ${path.basename(file)}; ` +
      `${total} highlight${total === 1 ? '' : 's'}: ${report.exact} placed exactly, ${report.approximate} approximately, ${report.orphaned} orphaned\n`,
  );
  return EXIT_OK;
}


/** Checked before reading: a 100 MB file is turned away without being loaded. Unreadable files are reported by the read. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
