import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../main/common/records';

export const COLOUR_LABELS: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  red: 'Red',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
};

const LAST_COLOUR_KEY = 'fieldbook.lastHighlightColour';

const isColour = (value: unknown): value is HighlightColour => HIGHLIGHT_COLOURS.includes(value as HighlightColour);

/** The colour the last highlight was made in, so a run of highlights in one colour takes no extra clicks. */
export function loadLastColour(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): HighlightColour {
  const stored = storage?.getItem(LAST_COLOUR_KEY);
  return isColour(stored) ? stored : 'yellow';
}

export function saveLastColour(colour: HighlightColour, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(LAST_COLOUR_KEY, colour);
  } catch {
    // A full or disabled storage only costs the remembered colour.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
