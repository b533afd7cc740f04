import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** The buttons. Focus starts on an element marked data-autofocus, else on the dialog's first control. */
  actions: ReactNode;
  onClose(): void;
}

/** A modal <dialog>, named by its title: the browser keeps focus inside it and Escape closes it. */
export function ConfirmDialog({ title, children, actions, onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    opener.current = document.activeElement;
    element.showModal();
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      element.close();
      // Back to whatever opened it, as long as that is still on the page.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`} className="confirm-dialog-body">
        {children}
      </div>
      <div className="confirm-dialog-actions">{actions}</div>
    </dialog>
  );
}
