import { useRef, type ChangeEvent, type Ref } from 'react';
import { IMPORT_ACCEPT } from './import-files';

interface Props {
  ref?: Ref<HTMLButtonElement>;
  busy: boolean;
  onFiles(files: File[]): void;
}

/** The visible Import button stands in for the file input, which browsers will not let us style. */
export function ImportButton({ ref, busy, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);

  const choose = () => {
    if (!busy) input.current?.click();
  };

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };

  return (
    <>
      <button ref={ref} type="button" className="button" onClick={choose} aria-disabled={busy || undefined}>
        <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 13.5V16h12v-2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Import
      </button>
      <input ref={input} type="file" multiple accept={IMPORT_ACCEPT} aria-label="Choose files to import" hidden onChange={chosen} />
    </>
  );
}
