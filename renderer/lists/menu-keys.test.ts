import { describe, expect, it } from 'vitest';
import { menuKeyAction, openingItem } from './menu-keys';

describe('the keys of an open menu', () => {
  it('step with the arrows, wrapping from the last item to the first and back', () => {
    expect(menuKeyAction('ArrowDown', 0, 4)).toEqual({ kind: 'move', to: 1 });
    expect(menuKeyAction('ArrowDown', 3, 4)).toEqual({ kind: 'move', to: 0 });
    expect(menuKeyAction('ArrowUp', 0, 4)).toEqual({ kind: 'move', to: 3 });
    expect(menuKeyAction('ArrowUp', 2, 4)).toEqual({ kind: 'move', to: 1 });
  });

  it('go to the ends with Home and End', () => {
    expect(menuKeyAction('Home', 2, 4)).toEqual({ kind: 'move', to: 0 });
    expect(menuKeyAction('End', 1, 4)).toEqual({ kind: 'move', to: 3 });
  });

  it('move a page at a time only in a menu that has pages, stopping at the ends', () => {
    expect(menuKeyAction('PageDown', 0, 4)).toBeNull();
    expect(menuKeyAction('PageDown', 5, 30, 10)).toEqual({ kind: 'move', to: 15 });
    expect(menuKeyAction('PageDown', 25, 30, 10)).toEqual({ kind: 'move', to: 29 });
    expect(menuKeyAction('PageUp', 5, 30, 10)).toEqual({ kind: 'move', to: 0 });
  });

  it('close with Escape, focus back on the button, and with Tab, focus going on', () => {
    expect(menuKeyAction('Escape', 1, 4)).toEqual({ kind: 'close', refocus: true });
    expect(menuKeyAction('Tab', 1, 4)).toEqual({ kind: 'close', refocus: false });
    expect(menuKeyAction('a', 1, 4)).toBeNull();
  });
});

describe('an arrow on the closed menu button', () => {
  it('opens it at the first item going down and at the last going up', () => {
    expect(openingItem('ArrowDown', 4)).toBe(0);
    expect(openingItem('ArrowUp', 4)).toBe(3);
    expect(openingItem('Enter', 4)).toBeNull();
  });
});
