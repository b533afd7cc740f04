import { isUid } from '../../../main/common/ids';

/**
 * Serialized notes come from disk, maybe written by an older or newer Fieldbook, so a node reads
 * its fields defensively: a wrong type becomes a harmless value (a reference to nothing shows as
 * missing) instead of an editor that refuses to open. References follow the core's rule for uids,
 * or the next save of the note would be refused.
 */
export const uidField = (value: unknown): string | null => (isUid(value) ? value : null);
export const textField = (value: unknown): string => (typeof value === 'string' ? value : '');
