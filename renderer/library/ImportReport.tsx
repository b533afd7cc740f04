import type { ImportOutcome } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';

export interface ImportReportData {
  /** Files still being read and sent; zero once the import has finished. */
  pending: number;
  outcomes: ImportOutcome[];
  /** Set when a whole call failed, so some files were never looked at. */
  error: OpError | null;
}

// Past this many, one line per file would bury the list; refusals are always listed, each needs a reason.
const LIST_AT_MOST = 3;

function noticesFor(report: ImportReportData): string[] {
  if (report.pending > 0) return [`Importing ${report.pending} ${report.pending === 1 ? 'file' : 'files'}…`];
  const imported = report.outcomes.filter((outcome) => outcome.status === 'imported');
  const duplicates = report.outcomes.filter((outcome) => outcome.status === 'duplicate');
  const notices: string[] = [];
  if (imported.length > LIST_AT_MOST) notices.push(`Imported ${imported.length} documents.`);
  else notices.push(...imported.map((outcome) => `Imported “${outcome.document.title}”.`));
  if (duplicates.length > LIST_AT_MOST) notices.push(`${duplicates.length} files were already in the library.`);
  else notices.push(...duplicates.map((outcome) => outcome.message));
  return notices;
}

interface Props {
  report: ImportReportData | null;
  onDismissProblems(): void;
}

export function ImportReport({ report, onDismissProblems }: Props) {
  const notices = report ? noticesFor(report) : [];
  const problems = report && report.pending === 0 ? problemsFor(report) : [];
  return (
    <>
      {/* Always in the page: a live region must exist before its text changes to be announced. */}
      <div role="status" className="import-status">
        {notices.map((notice, index) => (
          <p key={index}>{notice}</p>
        ))}
      </div>
      {problems.length > 0 && (
        <div role="alert" className="import-problems">
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="button button-quiet" onClick={onDismissProblems}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

function problemsFor(report: ImportReportData): string[] {
  const problems = report.outcomes.flatMap((outcome) => (outcome.status === 'refused' ? [outcome.message] : []));
  if (report.error) problems.push(report.error.message);
  return problems;
}
