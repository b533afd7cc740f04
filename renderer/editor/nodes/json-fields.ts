/**
 * Serialized notes come from disk, maybe written by an older or newer Fieldbook, so a node reads
 * its fields defensively: a wrong type becomes a harmless value (a link to nothing shows as
 * missing) instead of an editor that refuses to open.
 */
export const idField = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
export const textField = (value: unknown): string => (typeof value === 'string' ? value : '');
