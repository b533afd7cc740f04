import { focusMainArea } from './main-area';

/** The first stop of Tab: past the sidebar's search, tabs and lists to what is open. Shown only while focused. */
export function SkipLink() {
  return (
    <button type="button" className="skip-link" onClick={focusMainArea}>
      Skip to main content
    </button>
  );
}
