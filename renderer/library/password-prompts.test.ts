import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../main/common/records';
import type { LockedUpload, PasswordRefusal } from './import-files';
import { outcomesBesidePrompts, passwordAnswered, passwordMissing, passwordSending, promptDismissed, promptsFor, type PasswordPrompt } from './password-prompts';

const NAME = 'secret.pdf';
const needed: PasswordRefusal = { fileName: NAME, status: 'refused', password: 'needed', message: `${NAME} was not imported: it is encrypted and needs its password.` };
const wrong: PasswordRefusal = { fileName: NAME, status: 'refused', password: 'wrong', message: `${NAME} was not imported: it is encrypted, and the password given for it is wrong.` };
const imported: ImportOutcome = {
  fileName: NAME,
  status: 'imported',
  document: { id: 7, title: 'Secret report' } as Extract<ImportOutcome, { status: 'imported' }>['document'],
};
const other: ImportOutcome = { fileName: 'other.txt', status: 'refused', message: 'other.txt was not imported: the file is empty.' };

function reportWithPrompt(): { report: { outcomes: ImportOutcome[]; locked: PasswordPrompt[] }; id: number } {
  const upload: LockedUpload = { file: new File(['%PDF-'], NAME), refusal: needed };
  const locked = promptsFor([upload]);
  return { report: { outcomes: outcomesBesidePrompts([other, needed], [upload]), locked }, id: locked[0]!.id };
}

describe('an encrypted PDF asked about in the import report', () => {
  it('is asked about instead of listed among the refusals, with nothing wrong said yet', () => {
    const { report } = reportWithPrompt();
    expect(report.outcomes).toEqual([other]);
    expect(report.locked).toMatchObject([{ file: { name: NAME }, refusal: needed, wrongAnswers: 0, sending: false, failure: null }]);
  });

  it('stays asked about after a wrong password, counting it so it is said again each time', () => {
    const { report, id } = reportWithPrompt();
    const once = passwordAnswered(passwordSending(report, id), id, { ok: true, value: wrong });
    expect(once.locked).toMatchObject([{ wrongAnswers: 1, sending: false, refusal: wrong }]);
    const twice = passwordAnswered(passwordSending(once, id), id, { ok: true, value: wrong });
    expect(twice.locked[0]!.wrongAnswers).toBe(2);
    expect(twice.outcomes).toEqual([other]);
  });

  it('opened with the right password, is no longer asked about and is reported imported', () => {
    const { report, id } = reportWithPrompt();
    const opened = passwordAnswered(passwordSending(report, id), id, { ok: true, value: imported });
    expect(opened.locked).toEqual([]);
    expect(opened.outcomes).toEqual([other, imported]);
  });

  it('given up on, stays refused with the library’s latest reason, and lets the file go', () => {
    const { report, id } = reportWithPrompt();
    const afterWrong = passwordAnswered(report, id, { ok: true, value: wrong });
    const dismissed = promptDismissed(afterWrong, id);
    expect(dismissed.locked).toEqual([]);
    expect(dismissed.outcomes).toEqual([other, wrong]);
  });

  it('says why when nothing was typed or the library could not be asked, and stays to try again', () => {
    const { report, id } = reportWithPrompt();
    expect(passwordMissing(report, id).locked[0]!.failure).toBe('Type the password first.');
    const unreachable = passwordAnswered(passwordSending(report, id), id, { ok: false, error: { code: 'library_unavailable', message: 'The library is not reachable.' } });
    expect(unreachable.locked).toMatchObject([{ failure: 'The library is not reachable.', sending: false, wrongAnswers: 0 }]);
    expect(passwordSending(unreachable, id).locked[0]!.failure).toBeNull();
  });

  it('ignores an answer for a prompt already given up on', () => {
    const { report, id } = reportWithPrompt();
    const dismissed = promptDismissed(report, id);
    expect(passwordAnswered(dismissed, id, { ok: true, value: imported })).toBe(dismissed);
  });

  it('tells apart two files of the same name', () => {
    const [first, second] = promptsFor([
      { file: new File(['a'], NAME), refusal: needed },
      { file: new File(['b'], NAME), refusal: needed },
    ]);
    expect(first!.id).not.toBe(second!.id);
  });
});
