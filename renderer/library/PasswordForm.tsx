import { useEffect, useId, useRef, type FormEvent } from 'react';
import type { PasswordPrompt } from './password-prompts';

interface Props {
  /** What the form needs of a prompt: the import report's, or a replacement's. */
  prompt: Pick<PasswordPrompt, 'wrongAnswers' | 'sending' | 'failure'> & { file: { name: string } };
  /** What the password is for, after "give its password to". */
  purpose?: string;
  /** The first prompt shown takes focus, so its password can be typed at once. */
  focused: boolean;
  onSubmit(password: string): void;
  onDismiss(): void;
}

/**
 * Asks for an encrypted PDF's password in the import report. The password is read from the field
 * when it is sent and kept in no state: the field is all that holds it, and it is emptied after a
 * wrong one.
 */
export function PasswordForm({ prompt, purpose = 'import it', focused, onSubmit, onDismiss }: Props) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const name = prompt.file.name;

  useEffect(() => {
    if (focused) field.current?.focus();
  }, [focused]);

  // A wrong password is cleared away, and the caret put back for the next.
  useEffect(() => {
    const input = field.current;
    if (prompt.wrongAnswers === 0 || !input) return;
    input.value = '';
    input.focus();
  }, [prompt.wrongAnswers]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!prompt.sending && field.current) onSubmit(field.current.value);
  };

  const problem = prompt.sending ? null : (prompt.failure ?? (prompt.wrongAnswers > 0 ? 'That password is wrong.' : null));
  return (
    <form
      className="import-password"
      aria-labelledby={`${id}-about`}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDismiss();
      }}
    >
      <p id={`${id}-about`}>“{name}” is encrypted: give its password to {purpose}.</p>
      <label htmlFor={`${id}-password`} className="import-password-label">
        Password for {name}
      </label>
      <input
        ref={field}
        id={`${id}-password`}
        className="import-password-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={1024}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {/* Keyed by the count, so a second wrong password is announced again, not taken as the same alert. */}
      {problem && (
        <p key={prompt.wrongAnswers} id={`${id}-problem`} role="alert" className="import-password-problem">
          {problem}
        </p>
      )}
      <div className="import-password-actions">
        <button type="submit" className="button" aria-disabled={prompt.sending || undefined}>
          Open
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Cancel
        </button>
      </div>
      <p role="status" className="import-password-status">
        {prompt.sending ? `Opening “${name}”…` : ''}
      </p>
    </form>
  );
}
