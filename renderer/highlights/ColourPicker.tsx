import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../main/common/records';
import { COLOUR_LABELS } from './highlight-colours';

interface Props {
  /** The radios' shared name; unique on the page so each picker is its own group. */
  name: string;
  value: HighlightColour;
  onChange(colour: HighlightColour): void;
  disabled?: boolean;
}

/** Five native radios drawn as swatches: arrow keys move between them, and each is named by its colour. */
export function ColourPicker({ name, value, onChange, disabled }: Props) {
  return (
    <div role="radiogroup" aria-label="Colour" className="colour-picker">
      {HIGHLIGHT_COLOURS.map((colour) => (
        <label key={colour} className="colour-swatch" data-colour={colour} title={COLOUR_LABELS[colour]}>
          <input
            type="radio"
            name={name}
            value={colour}
            checked={colour === value}
            aria-label={COLOUR_LABELS[colour]}
            disabled={disabled}
            onChange={() => onChange(colour)}
          />
          <span className="colour-swatch-dot" aria-hidden="true" />
        </label>
      ))}
    </div>
  );
}
