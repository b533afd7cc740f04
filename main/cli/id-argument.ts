/**
 * Numbers go over as numbers; anything else goes over as typed, so the contract's own message
 * ("An id must be a number.") is what the user reads rather than a second, CLI-made rule.
 */
export function idFromArgument(typed: string): number | string {
  return /^[+-]?\d+(\.\d+)?$/.test(typed.trim()) ? Number(typed) : typed;
}
