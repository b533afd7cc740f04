/**
 * A lone UTF-16 surrogate (half of a character, as JavaScript strings may hold) has no UTF-8
 * form: SQLite stores its three bytes as they come, invalid UTF-8 that reads back as three
 * U+FFFD. The stored text would then differ from what was sent, in length too, and two names
 * that differ only there would read back the same. Strings are made well-formed (each lone
 * surrogate becomes one U+FFFD, as TextDecoder and String.prototype.toWellFormed do) before
 * anything is checked or stored, so what is stored is what was checked.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LONE_SURROGATE_TEST = new RegExp(LONE_SURROGATE.source);
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The same value with every string in it well-formed, copied without recursion (the input may
 * be nested deeper than the stack allows). Values without a lone surrogate are returned as they are.
 */
export function wellFormedValue(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value === null || typeof value !== 'object' || !containsLoneSurrogate(value)) return value;
  const root: { value: unknown } = { value: undefined };
  const pending: Array<{ from: unknown; into: Record<string, unknown>; key: string }> = [{ from: value, into: root, key: 'value' }];
  while (pending.length > 0) {
    const { from, into, key } = pending.pop()!;
    // Defined, not assigned: a key "__proto__" (JSON.parse makes one) must stay a key.
    const set = (item: unknown) => Object.defineProperty(into, key, { value: item, enumerable: true, writable: true, configurable: true });
    if (typeof from === 'string') set(wellFormed(from));
    else if (from === null || typeof from !== 'object' || ArrayBuffer.isView(from)) set(from);
    else {
      const copy: Record<string, unknown> = Array.isArray(from) ? ([] as unknown as Record<string, unknown>) : {};
      set(copy);
      for (const [childKey, child] of Object.entries(from)) pending.push({ from: child, into: copy, key: wellFormed(childKey) });
    }
  }
  return root.value;
}

/** Checked before copying anything, cheaply: every note save passes through here. */
function containsLoneSurrogate(value: object): boolean {
  const pending: object[] = [value];
  // Most strings hold no surrogate at all, which the simpler pattern tells fastest.
  const lone = (text: string) => ANY_SURROGATE.test(text) && LONE_SURROGATE_TEST.test(text);
  while (pending.length > 0) {
    const item = pending.pop()!;
    // A file's bytes hold numbers only, millions of them.
    if (ArrayBuffer.isView(item)) continue;
    if (Array.isArray(item)) {
      for (const child of item) {
        if (typeof child === 'string' ? lone(child) : child !== null && typeof child === 'object' && (pending.push(child), false)) return true;
      }
      continue;
    }
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      const child = (item as Record<string, unknown>)[key];
      if (lone(key)) return true;
      if (typeof child === 'string') {
        if (lone(child)) return true;
      } else if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return false;
}
