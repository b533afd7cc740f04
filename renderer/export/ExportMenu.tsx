import { useRef, useState } from 'react';
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
  | { act(options: LongCallOptions): Promise<OpResult<{ message: string }>> }
);

interface Props {
  /** The button's name, e.g. "Export" or "Export note". */
  label: string;
  choices: ExportChoice[];
  /** Quiet beside a view's title; plain in a row of plain buttons, so it stands as tall as they do. */
  look?: 'quiet' | 'plain';
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; long: boolean; progress: string | null }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/** A menu button (WAI-ARIA menu pattern) whose items each export one format and save the file. */
export function ExportMenu({ label, choices, look = 'quiet' }: Props) {
  const menu = useMenuButton(choices.length);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);

  const choose = async (choice: ExportChoice) => {
    menu.close(true);
    const stopper = (running.current = new AbortController());
    setStatus({ kind: 'working', label: choice.label, long: choice.long === true, progress: null });
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
      setStatus({ kind: 'done', message: result.value.message });
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
          {choices.map((choice, index) => (
            <button key={choice.label} {...menu.itemProps(index)} type="button" className="export-menu-item" onClick={() => void choose(choice)}>
              {choice.label}
            </button>
          ))}
        </div>
      )}
      <p role="status" className="export-menu-status">
        {status.kind === 'working' && (status.progress ? `${status.label}: ${status.progress}…` : `${status.label}…`)}
        {status.kind === 'done' && status.message}
      </p>
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
