import { MAX_IMPORT_BYTES, oversizeReason } from '../../main/common/import-limits';
import type { ImportOutcome, QdpxImportReport } from '../../main/common/records';
import type { AppApi } from '../api/client';
import { bytesToBase64 } from './import-files';

/** A REFI-QDA project from NVivo, ATLAS.ti or MAXQDA: imported whole, with its codes and selections, not as a document. */
export const isProjectFile = (file: { name: string }) => /\.qdpx$/i.test(file.name);

export interface ProjectsRun {
  reports: QdpxImportReport[];
  /** Projects refused, with the core's reason (damaged, too large, not a project). */
  refused: ImportOutcome[];
}

/** Imports each project in turn; each is all or nothing in the library. */
export async function importProjects(api: Pick<AppApi, 'call'>, files: readonly File[]): Promise<ProjectsRun> {
  const run: ProjectsRun = { reports: [], refused: [] };
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      run.refused.push({ fileName: file.name, status: 'refused', message: `${file.name}: ${oversizeReason(file.size)}` });
      continue;
    }
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await api.call('library.importQdpx', { file: { name: file.name, base64 } });
    if (result.ok) run.reports.push(result.value);
    else run.refused.push({ fileName: file.name, status: 'refused', message: result.error.message });
  }
  return run;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
/** Past this many, the left-out items are counted rather than named one by one. */
const NAME_AT_MOST = 5;

/** What a person is told about one project: what came in, and what Fieldbook could not hold, by name. */
export function projectNotices(report: QdpxImportReport): string[] {
  const added = [
    report.documentsAdded.length > 0 && count(report.documentsAdded.length, 'document', 'documents'),
    report.themesAdded.length > 0 && count(report.themesAdded.length, 'theme', 'themes'),
    report.actorsAdded.length > 0 && count(report.actorsAdded.length, 'actor', 'actors'),
    report.highlightsAdded > 0 && count(report.highlightsAdded, 'highlight', 'highlights'),
    report.notesAdded.length > 0 && count(report.notesAdded.length, 'note', 'notes'),
  ].filter((part): part is string => part !== false);
  const name = report.project.name || report.fileName;
  const notices = [added.length > 0 ? `Imported the project “${name}”: ${added.join(', ')}.` : `The project “${name}” held nothing new for this library.`];
  if (report.documentsFound.length > 0 || report.highlightsFound > 0) {
    notices.push(`Already in the library: ${count(report.documentsFound.length, 'document', 'documents')}, ${count(report.highlightsFound, 'highlight', 'highlights')} (their codes were added).`);
  }
  const named = report.skipped.slice(0, NAME_AT_MOST).map((item) => `${item.kind} “${item.name}” (${item.reason})`);
  if (report.skipped.length > 0) {
    const more = report.skipped.length - named.length;
    notices.push(`Left out, since Fieldbook holds text only: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`);
  }
  return notices;
}
