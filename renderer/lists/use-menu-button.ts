import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { menuKeyAction, openingItem } from './menu-keys';

export interface MenuButton {
  open: boolean;
  /** Closes the menu; `refocus` puts focus back on its button (after a choice or Escape). */
  close(refocus: boolean): void;
  /** Spread on the button that opens the menu; Enter and Space open it as its click. */
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    'aria-haspopup': 'menu';
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    onClick(): void;
    onKeyDown(event: KeyboardEvent): void;
  };
  /** Spread on the element with role="menu" (give it an aria-label too). */
  menuProps: {
    id: string;
    role: 'menu';
    onKeyDown(event: KeyboardEvent): void;
    onBlur(event: FocusEvent<HTMLElement>): void;
  };
  /** Spread on each item, by its place in the menu. */
  itemProps(index: number): { ref(element: HTMLButtonElement | null): void; role: 'menuitem'; tabIndex: number };
}

/**
 * A menu button's keyboard and focus (the WAI-ARIA menu pattern), for menus of `count` items:
 * arrows on the button open it, keys inside move among the items (see menu-keys.ts), and focus
 * leaving the menu (a click outside, Tab) closes it. `pageStep` lets Page keys move through a long one.
 */
export function useMenuButton(count: number, { pageStep }: { pageStep?: number } = {}): MenuButton {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();

  // The active item takes focus once it is in the page: on opening, and at every move.
  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  return {
    open,
    close,
    buttonProps: {
      ref: button,
      'aria-haspopup': 'menu',
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => {
        setActive(0);
        setOpen((was) => !was);
      },
      onKeyDown: (event) => {
        const item = openingItem(event.key, count);
        if (item === null) return;
        event.preventDefault();
        setActive(item);
        setOpen(true);
      },
    },
    menuProps: {
      id: menuId,
      role: 'menu',
      onKeyDown: (event) => {
        const action = menuKeyAction(event.key, active, count, pageStep);
        if (action === null) return;
        // Tab is left to the browser, so focus moves on to the next control.
        if (event.key !== 'Tab') event.preventDefault();
        if (action.kind === 'move') setActive(action.to);
        else close(action.refocus);
      },
      onBlur: (event) => {
        // Focus gone elsewhere than an item or the button (which toggles it itself): a click outside.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button.current) close(false);
      },
    },
    itemProps: (index) => ({
      ref: (element) => {
        items.current[index] = element;
      },
      role: 'menuitem',
      tabIndex: index === active ? 0 : -1,
    }),
  };
}
