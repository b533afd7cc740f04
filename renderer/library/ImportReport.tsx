import type { ReactNode } from 'react';
import type { ImportOutcome, QdpxImportReport } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import type { ImportProgress } from './import-files';
import { projectNotices } from './import-projects';
import type { PasswordPrompt } from './password-prompts';
import { PasswordForm } from './PasswordForm';

export interface ImportReportData {
  /** Set while files are being read and imported; null once the import has ended. */
  progress: ImportProgress | null;
  outcomes: ImportOutcome[];
  /** REFI-QDA projects imported whole. */
  projects: QdpxImportReport[];
  /** Set when a whole call failed, so some files were never looked at. */
  error: OpError | null;
  /** Files not imported because the import was cancelled. */
  cancelled: number;
  /** Encrypted PDFs waiting for their passwords; each is in `outcomes` only once given up on or opened. */
  locked: PasswordPrompt[];
}

// Past this many, one line per file would bury the list; refusals are always listed, each needs a reason.
const LIST_AT_MOST = 3;

const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;

function progressNotice({ done, total, current }: ImportProgress): string {
  return `Importing ${files(total)}: ${done} done${current ? `, now “${current}”` : ''}…`;
}

function noticesFor(report: ImportReportData, onOpen: (id: number) => void): ReactNode[] {
  if (report.progress) return [progressNotice(report.progress)];
  const imported = report.outcomes.filter((outcome) => outcome.status === 'imported');
  const duplicates = report.outcomes.filter((outcome) => outcome.status === 'duplicate');
  const notices: ReactNode[] = [];
  if (imported.length > LIST_AT_MOST) notices.push(`Imported ${imported.length} documents.`);
  // The title ends the sentence inside its quotes: no second full stop after them.
  else notices.push(...imported.map((outcome) => `Imported “${outcome.document.title.replace(/[.!?]$/, '')}”.`));
  if (duplicates.length > LIST_AT_MOST) notices.push(`${duplicates.length} files were already in the library.`);
  else {
    notices.push(
      ...duplicates.map((outcome) => (
        <>
          {outcome.message}{' '}
          <button type="button" className="link-button" onClick={() => onOpen(outcome.document.id)}>
            Open “{outcome.document.title}”
          </button>
        </>
      )),
    );
  }
  for (const project of report.projects) notices.push(...projectNotices(project));
  if (report.cancelled > 0) notices.push(`Import cancelled: ${files(report.cancelled)} not imported.`);
  return notices;
}

interface Props {
  report: ImportReportData | null;
  onCancel(): void;
  onDismissProblems(): void;
  onOpen(id: number): void;
  onPassword(prompt: PasswordPrompt, password: string): void;
  onDismissPrompt(prompt: PasswordPrompt): void;
}

export function ImportReport({ report, onCancel, onDismissProblems, onOpen, onPassword, onDismissPrompt }: Props) {
  const notices = report ? noticesFor(report, onOpen) : [];
  const problems = report && !report.progress ? problemsFor(report) : [];
  return (
    <>
      {/* Always in the page: a live region must exist before its text changes to be announced. */}
      <div role="status" className="import-status">
        {notices.map((notice, index) => (
          <p key={index}>{notice}</p>
        ))}
      </div>
      {report?.progress && (
        <button type="button" className="button button-quiet import-cancel" onClick={onCancel}>
          Cancel import
        </button>
      )}
      {report?.locked.map((prompt, index) => (
        <PasswordForm
          key={prompt.id}
          prompt={prompt}
          focused={index === 0}
          onSubmit={(password) => onPassword(prompt, password)}
          onDismiss={() => onDismissPrompt(prompt)}
        />
      ))}
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
