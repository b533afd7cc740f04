import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportedFile, ExportedFolder } from '../../main/common/records';
import type { OpResult } from '../../main/common/contract';
import type { LongCallOptions } from '../api/client';
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
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = async (choice: ExportChoice) => {
    close(true);
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

  const onMenuKey = (event: KeyboardEvent) => {
    const last = choices.length - 1;
    const moves: Record<string, number> = { ArrowDown: active === last ? 0 : active + 1, ArrowUp: active === 0 ? last : active - 1, Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className={look === 'quiet' ? 'button button-quiet' : 'button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setActive(0);
          setOpen((was) => !was);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(event.key === 'ArrowDown' ? 0 : choices.length - 1);
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className="export-menu-list"
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button.current) close(false);
          }}
        >
          {choices.map((choice, index) => (
            <button
              key={choice.label}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className="export-menu-item"
              onClick={() => void choose(choice)}
            >
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
