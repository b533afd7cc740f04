import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether a combobox's list opens upwards: when there is no room below (inside the selection
 * toolbar near the window's foot), or when the caller asks for it with room above, since a list
 * dropping down must not cover what it is about.
 */
export function useListboxAbove(listbox: RefObject<HTMLElement | null>, expanded: boolean, options: number, preferAbove?: (field: DOMRect) => boolean): boolean {
  const [above, setAbove] = useState(false);
  useLayoutEffect(() => {
    if (!expanded || !listbox.current) return;
    const field = listbox.current.parentElement?.getBoundingClientRect();
    if (!field) return;
    const height = listbox.current.offsetHeight;
    const roomAbove = field.top - height - 8 > 0;
    const roomBelow = field.bottom + height + 8 <= window.innerHeight;
    // Where the list goes depends on its measured size, known only once laid out.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a layout measurement, settled before paint
    setAbove(roomAbove && (!roomBelow || (preferAbove?.(field) ?? false)));
  }, [listbox, expanded, options, preferAbove]);
  return above;
}
