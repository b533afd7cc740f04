import type { OpResult } from '../../main/common/contract';
import type { ImportOutcome } from '../../main/common/records';
import { needsPassword, type LockedUpload, type PasswordRefusal } from './import-files';

/**
 * An encrypted PDF waiting for its password in the import report. It holds the chosen file (its
 * bytes are read again only to send them) until the file is opened or the person gives up on it;
 * the password itself is never held here.
 */
export interface PasswordPrompt {
  /** Tells prompts apart: two files chosen from different folders may share a name. */
  id: number;
  file: File;
  /** The library's latest refusal: what the report lists if the person gives up on the file. */
  refusal: PasswordRefusal;
  /** How many passwords given were wrong: each one is said again, and clears the field. */
  wrongAnswers: number;
  /** A password is on its way to the library. */
  sending: boolean;
  /** Why the last attempt went nowhere (not a wrong password: the library could not be asked, nothing typed). */
  failure: string | null;
}

/** What of an import report the prompts change. */
interface WithPrompts {
  outcomes: ImportOutcome[];
  locked: PasswordPrompt[];
}

let lastId = 0;

/** A prompt for each encrypted file of an import. */
export function promptsFor(uploads: readonly LockedUpload[]): PasswordPrompt[] {
  return uploads.map(({ file, refusal }) => ({ id: ++lastId, file, refusal, wrongAnswers: 0, sending: false, failure: null }));
}

/** An import's outcomes less those its prompts stand for: a file is either asked about or listed, not both. */
export function outcomesBesidePrompts(outcomes: readonly ImportOutcome[], uploads: readonly LockedUpload[]): ImportOutcome[] {
  const asked = new Set<ImportOutcome>(uploads.map((upload) => upload.refusal));
  return outcomes.filter((outcome) => !asked.has(outcome));
}

const change = <R extends WithPrompts>(report: R, id: number, changes: Partial<PasswordPrompt>): R => ({
  ...report,
  locked: report.locked.map((prompt) => (prompt.id === id ? { ...prompt, ...changes } : prompt)),
});

/** Takes the prompt away, listing what became of its file in the report. */
const settle = <R extends WithPrompts>(report: R, id: number, outcome: ImportOutcome): R => ({
  ...report,
  outcomes: [...report.outcomes, outcome],
  locked: report.locked.filter((prompt) => prompt.id !== id),
});

export const passwordSending = <R extends WithPrompts>(report: R, id: number): R => change(report, id, { sending: true, failure: null });

export const passwordMissing = <R extends WithPrompts>(report: R, id: number): R => change(report, id, { failure: 'Type the password first.' });

/**
 * The library's answer to a password: wrong, and the prompt stays to take another; anything else
 * (imported, already in the library, refused for another reason) ends the prompt and is reported.
 */
export function passwordAnswered<R extends WithPrompts>(report: R, id: number, answer: OpResult<ImportOutcome>): R {
  const prompt = report.locked.find((each) => each.id === id);
  if (!prompt) return report;
  if (!answer.ok) return change(report, id, { sending: false, failure: answer.error.message });
  if (needsPassword(answer.value)) return change(report, id, { sending: false, refusal: answer.value, wrongAnswers: prompt.wrongAnswers + 1 });
  return settle(report, id, answer.value);
}

/** Given up on: the file stays refused, with the library's reason, and its bytes are let go. */
export function promptDismissed<R extends WithPrompts>(report: R, id: number): R {
  const prompt = report.locked.find((each) => each.id === id);
  return prompt ? settle(report, id, prompt.refusal) : report;
}
