/**
 * The one rule for ids, at every door: the operations' inputs, the ids inside a note's body and
 * the rows of an archive. A safe integer, because a larger one is stored by SQLite as a float
 * and read back as a different number, and an archive holding one could never be restored.
 */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
