import type { RefObject } from 'react';
import type { Theme } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import type { TextSpan } from '../highlights/text-offsets';
import { useSelectionKept } from '../highlights/use-selection-kept';
import { ThemeCombobox } from './ThemeCombobox';
import { useThemes } from './themes-store';

interface Props {
  articleRef: RefObject<HTMLElement | null>;
  span: TextSpan;
  /** Highlights the span and codes it with the theme. */
  onPick(theme: Theme): Promise<OpError | null>;
}

/** The selection toolbar's Theme field: picking a theme highlights the selection and codes it at once. */
export function ToolbarThemePicker({ articleRef, span, onPick }: Props) {
  const { rows } = useThemes();
  const { preferAbove, onFocus, onBlur } = useSelectionKept(articleRef, span);
  return (
    <div className="toolbar-actor-picker" onFocus={onFocus} onBlur={onBlur}>
      <ThemeCombobox label="Theme" placeholder="Highlight and code with a theme…" rows={rows} allowCreate onPick={onPick} preferAbove={preferAbove} />
    </div>
  );
}
