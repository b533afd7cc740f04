/**
 * The one rule for ids, at every door: the operations' inputs, the ids inside a note's body and
 * the rows of an archive. A safe integer, because a larger one is stored by SQLite as a float
 * and read back as a different number, and an archive holding one could never be restored.
 */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The rule for uids, the identity a row keeps across libraries, exports and merges, and the
 * way a note's body names what it refers to. Fieldbook writes UUIDs; an archive may carry any
 * uid that fits here: printable ASCII without spaces, so one can never hide in a name or a path.
 */
export const isUid = (value: unknown): value is string => typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value);
export const UID_RULE = 'a uid (1 to 200 printable characters, no spaces)';
