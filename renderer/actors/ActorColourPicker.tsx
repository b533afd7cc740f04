import { ACTOR_COLOURS } from '../../main/common/records';
import { ACTOR_COLOUR_NAMES, actorStyle } from './actor-colours';

interface Props {
  name: string;
  value: string;
  onChange(colour: string): void;
}

/** The actor palette as native radios drawn as swatches, each named by its colour. */
export function ActorColourPicker({ name, value, onChange }: Props) {
  const known = ACTOR_COLOURS.some((colour) => colour === value.toLowerCase());
  return (
    <div role="radiogroup" aria-label="Colour" className="actor-colour-picker">
      {ACTOR_COLOURS.map((colour) => (
        <label key={colour} className="actor-swatch" style={actorStyle(colour)} title={ACTOR_COLOUR_NAMES[colour]}>
          <input
            type="radio"
            name={name}
            value={colour}
            checked={colour === value.toLowerCase()}
            aria-label={ACTOR_COLOUR_NAMES[colour]}
            onChange={() => onChange(colour)}
          />
          <span className="actor-swatch-dot" aria-hidden="true" />
        </label>
      ))}
      {!known && (
        // A colour set outside the app stays selectable, so editing other fields never changes it.
        <label className="actor-swatch" style={actorStyle(value)} title={`Current colour ${value}`}>
          <input type="radio" name={name} value={value} checked aria-label={`Current colour ${value}`} onChange={() => onChange(value)} />
          <span className="actor-swatch-dot" aria-hidden="true" />
        </label>
      )}
    </div>
  );
}
