import { useRef, useState, type ChangeEvent } from 'react';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { describeReplace } from '../highlights/quote-text';
import { bytesToBase64, PDF_ACCEPT, REPLACE_ACCEPT } from '../library/import-files';
import { PasswordForm } from '../library/PasswordForm';

interface Props {
  documentId: number;
}

type Outcome =
  | { status: 'working'; fileName: string }
  | { status: 'done'; message: string }
  | { status: 'failed'; error: OpError }
  /** An encrypted PDF chosen: its password is asked for; the file is held until it opens or the person gives up. */
  | { status: 'locked'; file: File; wrongAnswers: number; sending: boolean; failure: string | null };

/**
 * Swaps the open document for a newer version of it; its highlights move to where their passages
 * now are (a PDF's areas stay on their pages). The reader reads the new version and its re-anchored
 * highlights when the change feed says so.
 */
export function ReplaceButton({ documentId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const working = outcome?.status === 'working';
  // The files offered are those the core says it would take (a PDF's newer version is a PDF), never guessed here.
  const replaceWith = useOp('documents.parts', { id: documentId }).data?.replaceWith;

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (file) void replaceBy(file);
  };

  const replaceBy = async (file: File, password?: string) => {
    const locked = outcome?.status === 'locked' && outcome.file === file ? outcome : null;
    setOutcome(locked ? { ...locked, sending: true, failure: null } : { status: 'working', fileName: file.name });
    let base64: string;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setOutcome({ status: 'failed', error: { code: 'refused', message: `${file.name} could not be read.` } });
      return;
    }
    const result = await api.call('documents.replace', { id: documentId, file: { name: file.name, base64, ...(password !== undefined && { password }) } });
    if (!result.ok && result.error.password) {
      const wrong = result.error.password === 'wrong' ? 1 : 0;
      setOutcome({ status: 'locked', file, wrongAnswers: (locked?.wrongAnswers ?? 0) + wrong, sending: false, failure: null });
      return;
    }
    if (!result.ok) {
      setOutcome({ status: 'failed', error: result.error });
      return;
    }
    setOutcome({ status: 'done', message: describeReplace(file.name, result.value) });
    // The password form, and the focus in it, are gone.
    if (locked) button.current?.focus();
  };

  if (!replaceWith) return null;
  return (
    <div className="document-actions">
      <button ref={button} type="button" className="button button-quiet" aria-disabled={working || undefined} onClick={() => !working && input.current?.click()}>
        Replace with newer version…
      </button>
      <input
        ref={input}
        type="file"
        accept={replaceWith === 'pdf' ? PDF_ACCEPT : REPLACE_ACCEPT}
        aria-label="Choose the newer version"
        hidden
        onChange={(event) => void chosen(event)}
      />
      <p role="status" className="document-actions-status">
        {outcome?.status === 'working' && `Replacing with ${outcome.fileName}…`}
        {outcome?.status === 'done' && outcome.message}
      </p>
      {outcome?.status === 'locked' && (
        <PasswordForm
          prompt={outcome}
          purpose="replace this document with it"
          focused
          onSubmit={(password) => (password ? void replaceBy(outcome.file, password) : setOutcome({ ...outcome, failure: 'Type the password first.' }))}
          onDismiss={() => {
            setOutcome(null);
            button.current?.focus();
          }}
        />
      )}
      {outcome?.status === 'failed' && (
        <div role="alert" className="document-actions-problem">
          <p>{outcome.error.message}</p>
          <button type="button" className="button button-quiet" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
