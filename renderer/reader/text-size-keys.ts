import { useEffect } from 'react';
import { ON_MAC, type KeyChord } from '../keyboard/chords';
import { DEFAULT_READING, getReadingSettings, setReadingSettings, stepTextSize } from './reading-settings';

/**
 * Ctrl+= (or Ctrl++) and Ctrl+- change the reader's text size, Ctrl+0 puts it back, Cmd on macOS:
 * the keys every browser and reading app zooms with. 1 larger, -1 smaller, 0 back to the designed
 * size, null for any other key. The key or its physical place counts, for keyboards where = needs Shift.
 */
export function textSizeStep(event: KeyChord, mac: boolean): 1 | -1 | 0 | null {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!primary || event.altKey) return null;
  if (event.key === '=' || event.key === '+' || event.code === 'Equal' || event.code === 'NumpadAdd') return 1;
  if (event.key === '-' || event.key === '_' || event.code === 'Minus' || event.code === 'NumpadSubtract') return -1;
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 0;
  return null;
}

/** While a document is open, the zoom keys size its text instead of the whole window. */
export function useTextSizeKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = textSizeStep(event, ON_MAC);
      if (step === null) return;
      event.preventDefault();
      const settings = getReadingSettings();
      setReadingSettings(step === 0 ? { ...settings, size: DEFAULT_READING.size } : stepTextSize(settings, step));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
