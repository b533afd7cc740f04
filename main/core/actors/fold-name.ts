/**
 * What makes two actors' names the same name: spacing aside, exactly the same. "Aqim" next to
 * "AQIM" is allowed, as it happens in real registries, and is what merging is for. (Folded
 * comparison, for aliases and mentions, is nameKey in main/common/fold-text.ts.)
 */
export function exactNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
