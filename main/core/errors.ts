/** Codes a caller can act on; everything else is `internal`. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'library_unavailable'
  | 'cancelled'
  | 'internal';

/** An error the core means to show: its message is written for the person reading it. */
export class FieldbookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** An encrypted PDF refused for want of its password, or with a wrong one: the caller may ask for it. */
    readonly password?: 'needed' | 'wrong',
  ) {
    super(message);
    this.name = 'FieldbookError';
  }
}
