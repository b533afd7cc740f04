import { isElement, isText, type TreeElement, type TreeNode, type TreeParent } from '../html-tree';

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Where each of the given elements' text starts and ends in root's text content (UTF-16 code
 * units, as highlights count): one walk, however many are asked for. An element no longer under
 * root (the sanitiser unwrapped it) has no span.
 */
export function elementSpans(root: TreeParent, wanted: ReadonlySet<TreeElement>): Map<TreeElement, TextSpan> {
  const spans = new Map<TreeElement, TextSpan>();
  let offset = 0;
  const stack: Array<TreeNode | { leaving: TreeElement }> = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('leaving' in item) {
      spans.get(item.leaving)!.end = offset;
      continue;
    }
    if (isText(item)) offset += item.value.length;
    else if (isElement(item)) {
      if (wanted.has(item)) {
        spans.set(item, { start: offset, end: offset });
        stack.push({ leaving: item });
      }
      for (let i = item.childNodes.length - 1; i >= 0; i--) stack.push(item.childNodes[i]!);
    }
  }
  return spans;
}
