import { isId } from '../../../main/common/ids';

/**
 * Serialized notes come from disk, maybe written by an older or newer Fieldbook, so a node reads
 * its fields defensively: a wrong type becomes a harmless value (a link to nothing shows as
 * missing) instead of an editor that refuses to open. Ids follow the core's one rule, or the next save
 * of the note would be refused.
 */
export const idField = (value: unknown): number => (isId(value) ? value : 0);
export const textField = (value: unknown): string => (typeof value === 'string' ? value : '');
