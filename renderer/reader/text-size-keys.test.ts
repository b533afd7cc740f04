import { describe, expect, it } from 'vitest';
import { textSizeStep } from './text-size-keys';

const chord = (key: string, code: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('the text size keys', () => {
  it('size text up with Ctrl+= or Ctrl++, down with Ctrl+-, and back with Ctrl+0', () => {
    expect(textSizeStep(chord('=', 'Equal', { ctrlKey: true }), false)).toBe(1);
    expect(textSizeStep(chord('+', 'Equal', { ctrlKey: true, shiftKey: true }), false)).toBe(1);
    expect(textSizeStep(chord('+', 'NumpadAdd', { ctrlKey: true }), false)).toBe(1);
    expect(textSizeStep(chord('-', 'Minus', { ctrlKey: true }), false)).toBe(-1);
    expect(textSizeStep(chord('0', 'Digit0', { ctrlKey: true }), false)).toBe(0);
  });

  it('use Cmd on macOS, and the physical key where the layout moves = elsewhere', () => {
    expect(textSizeStep(chord('=', 'Equal', { metaKey: true }), true)).toBe(1);
    expect(textSizeStep(chord('=', 'Equal', { ctrlKey: true }), true)).toBeNull();
    expect(textSizeStep(chord('ß', 'Minus', { ctrlKey: true }), false)).toBe(-1);
  });

  it('leave every other key alone', () => {
    expect(textSizeStep(chord('=', 'Equal'), false)).toBeNull();
    expect(textSizeStep(chord('=', 'Equal', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(textSizeStep(chord('k', 'KeyK', { ctrlKey: true }), false)).toBeNull();
  });
});
