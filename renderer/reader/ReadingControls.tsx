import { useId } from 'react';
import { LINE_WIDTHS, setReadingSettings, sizePercent, stepTextSize, TEXT_SIZES, useReadingSettings, type LineWidth } from './reading-settings';

const WIDTH_LABELS: Record<LineWidth, string> = { narrow: 'Narrow', normal: 'Normal', wide: 'Wide' };

/** Text size (also Ctrl+= and Ctrl+-) and line width, for every document, next to the document's other tools. */
export function ReadingControls() {
  const settings = useReadingSettings();
  const widthId = useId();
  return (
    <div role="group" aria-label="Text" className="reading-controls">
      <button
        type="button"
        className="button button-quiet reading-size-button"
        aria-keyshortcuts="Control+-"
        aria-disabled={settings.size === 0 || undefined}
        onClick={() => setReadingSettings(stepTextSize(settings, -1))}
      >
        <TextSizeIcon larger={false} />
        <span className="visually-hidden">Smaller text</span>
      </button>
      <output className="reading-size" aria-label="Text size">
        {sizePercent(settings)}
      </output>
      <button
        type="button"
        className="button button-quiet reading-size-button"
        aria-keyshortcuts="Control+="
        aria-disabled={settings.size === TEXT_SIZES.length - 1 || undefined}
        onClick={() => setReadingSettings(stepTextSize(settings, 1))}
      >
        <TextSizeIcon larger />
        <span className="visually-hidden">Larger text</span>
      </button>
      <label htmlFor={widthId} className="reading-width-label">
        Lines
      </label>
      <select id={widthId} className="reading-width" value={settings.width} onChange={(event) => setReadingSettings({ ...settings, width: event.target.value as LineWidth })}>
        {(Object.keys(LINE_WIDTHS) as LineWidth[]).map((width) => (
          <option key={width} value={width}>
            {WIDTH_LABELS[width]}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextSizeIcon({ larger }: { larger: boolean }) {
  return (
    <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={`M2.5 15.5 7 4.5l4.5 11M4.2 11.5h5.6M13.5 8.5h5${larger ? 'M16 6v5' : ''}`} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
