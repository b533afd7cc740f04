import { useEffect, useRef, useState } from 'react';
import type { ExportedFile, ExportedFolder } from '../../main/common/records';
import type { OpResult } from '../../main/common/contract';
import type { LongCallOptions } from '../api/client';
import { useMenuButton } from '../lists/use-menu-button';
import { saveExport } from './save-export';
import '../styles/export.css';

/**
 * An export saves what its operation returns; an action (Back up now) only reports back. A long
 * one (an archive, a restore) is handed the means to report progress and be stopped.
 */
export type ExportChoice = { label: string; long?: true } & (
  | { run(options: LongCallOptions): Promise<OpResult<ExportedFile | ExportedFolder>> }
  | { act(options: LongCallOptions): Promise<OpResult<ActionOutcome>> }
);

/**
 * What an action says when done; `next` is a step it still needs the person for (a restore's
 * "Choose the files…"), offered as a button, whose click may open a file chooser.
 */
export interface ActionOutcome {
  message: string;
  next?: ExportChoice & { act(options: LongCallOptions): Promise<OpResult<ActionOutcome>> };
}

/**
 * A setting the exports in the menu read, as Zotero's export dialog has "Export Files": an item
 * that is checked or not (menuitemcheckbox), which leaves the menu open when toggled.
 */
export interface ExportSetting {
  label: string;
  checked: boolean;
  toggle(): void;
}

interface Props {
  /** The button's name, e.g. "Export" or "Export note". */
  label: string;
  choices: Array<ExportChoice | ExportSetting>;
  /** Quiet beside a view's title; plain in a row of plain buttons, so it stands as tall as they do. */
  look?: 'quiet' | 'plain';
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; long: boolean; progress: string | null }
  /** `label`: the choice that is still going, when a step is left for the person (`next`). */
  | { kind: 'done'; message: string; next?: ActionOutcome['next']; label?: string }
  | { kind: 'failed'; message: string };

/** A menu button (WAI-ARIA menu pattern) whose items each export one format and save the file. */
export function ExportMenu({ label, choices, look = 'quiet' }: Props) {
  const menu = useMenuButton(choices.length);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  const nextStep = useRef<HTMLButtonElement>(null);
  // A step left for the person (Choose the file…) takes focus as it appears: it is what comes next.
  const hasNext = status.kind === 'done' && status.next !== undefined;
  useEffect(() => {
    if (hasNext) nextStep.current?.focus();
  }, [hasNext, status]);

  /** `label`: what the work is called while it runs; a later step of a choice goes on under the choice's name. */
  const choose = async (choice: ExportChoice, label = choice.label) => {
    // Focus waits on the menu's button: the item or the follow-up button clicked is gone while the work runs.
    menu.close(true);
    const stopper = (running.current = new AbortController());
    setStatus({ kind: 'working', label, long: choice.long === true, progress: null });
    const options: LongCallOptions = {
      signal: stopper.signal,
      onProgress: ({ message }) => setStatus((now) => (now.kind === 'working' && running.current === stopper ? { ...now, progress: message } : now)),
    };
    const result = 'act' in choice ? await choice.act(options) : await choice.run(options);
    running.current = null;
    if (!result.ok) {
      // A stop the person asked for is news, not a failure.
      setStatus(result.error.code === 'cancelled' ? { kind: 'done', message: result.error.message } : { kind: 'failed', message: result.error.message });
      return;
    }
    if (!('fileName' in result.value || 'folderName' in result.value)) {
      setStatus({ kind: 'done', message: result.value.message, next: result.value.next, label });
      return;
    }
    try {
      setStatus({ kind: 'done', message: `Exported ${await saveExport(result.value)}.` });
    } catch {
      setStatus({ kind: 'failed', message: 'The export could not be saved. Try again; if this keeps happening, restart Fieldbook.' });
    }
  };

  return (
    <div className="export-menu">
      <button {...menu.buttonProps} type="button" className={look === 'quiet' ? 'button button-quiet' : 'button'}>
        {label}
      </button>
      {menu.open && (
        <div {...menu.menuProps} aria-label={label} className="export-menu-list">
          {choices.map((choice, index) =>
            'toggle' in choice ? (
              <button
                key={choice.label}
                {...menu.itemProps(index)}
                role="menuitemcheckbox"
                aria-checked={choice.checked}
                type="button"
                className="export-menu-item export-menu-setting"
                onClick={choice.toggle}
              >
                {choice.label}
              </button>
            ) : (
              <button key={choice.label} {...menu.itemProps(index)} type="button" className="export-menu-item" onClick={() => void choose(choice)}>
                {choice.label}
              </button>
            ),
          )}
        </div>
      )}
      {/* The step left for the person sits with the message that asks for it. */}
      <div className="export-menu-notice">
        <p role="status" className="export-menu-status">
          {status.kind === 'working' && (status.progress ? `${status.label.replace(/…$/, '')}: ${status.progress}…` : `${status.label.replace(/…$/, '')}…`)}
          {status.kind === 'done' && status.message}
        </p>
        {status.kind === 'done' && status.next && (
          <div className="export-menu-next">
            <button ref={nextStep} type="button" className="button" onClick={() => status.next && void choose(status.next, status.label)}>
              {status.next.label}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setStatus({ kind: 'idle' });
                menu.close(true);
              }}
            >
              Not now
            </button>
          </div>
        )}
      </div>
      {status.kind === 'working' && status.long && (
        <button type="button" className="button button-quiet" onClick={() => running.current?.abort()}>
          Cancel {status.label.replace(/…$/, '').toLowerCase()}
        </button>
      )}
      {status.kind === 'failed' && (
        <p role="alert" className="export-menu-error">
          {status.message}
        </p>
      )}
    </div>
  );
}
