import { useId, useMemo } from 'react';
import type { Highlight } from '../../main/common/records';
import { codedThemes } from './theme-filter';
import { useThemes } from './themes-store';

interface Props {
  highlights: readonly Highlight[];
  /** The chosen theme's id; null for all. */
  value: number | null;
  onChange(themeId: number | null): void;
}

/** Narrows the Highlights panel to one theme's passages; offered only once a passage here is coded. */
export function ThemeFilter({ highlights, value, onChange }: Props) {
  const id = useId();
  const { rows } = useThemes();
  const options = useMemo(() => codedThemes(highlights, rows), [highlights, rows]);
  if (options.length === 0) return null;
  const current = value !== null && options.some((o) => o.row.theme.id === value) ? value : null;
  return (
    <div className="actor-filter">
      <label htmlFor={id}>Filter by theme</label>
      <select id={id} className="actor-input" value={current ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
        <option value="">All themes</option>
        {options.map(({ row, count }) => (
          <option key={row.theme.id} value={row.theme.id}>
            {row.path} ({count})
          </option>
        ))}
      </select>
    </div>
  );
}
