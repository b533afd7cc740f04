import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical';

/**
 * Lexical gives each item of a check list role="checkbox" but leaves it in a plain <ul>, so the
 * list holds checkboxes where only list items may be, and a screen reader miscounts it. A check
 * list is therefore a group of checkboxes: the <ul> says role="group", and an item that only holds
 * a nested list (so is no checkbox) steps out of the way with role="none".
 */
export function registerCheckListRoles(editor: LexicalEditor): () => void {
  const mark = (mutations: Map<NodeKey, NodeMutation>) => {
    const lists = new Map<NodeKey, boolean>();
    editor.getEditorState().read(() => {
      for (const [key, mutation] of mutations) {
        if (mutation === 'destroyed') continue;
        const node = $getNodeByKey(key);
        const list = $isListNode(node) ? node : $isListItemNode(node) ? node.getParent() : null;
        if ($isListNode(list)) lists.set(list.getKey(), list.getListType() === 'check');
      }
    });
    for (const [key, isCheckList] of lists) {
      const element = editor.getElementByKey(key);
      if (element) markList(element, isCheckList);
    }
  };
  return mergeRegister(editor.registerMutationListener(ListNode, mark), editor.registerMutationListener(ListItemNode, mark));
}

function markList(list: HTMLElement, isCheckList: boolean): void {
  if (isCheckList) list.setAttribute('role', 'group');
  else if (list.getAttribute('role') === 'group') list.removeAttribute('role');
  for (const item of Array.from(list.children)) {
    if (item.tagName !== 'LI') continue;
    if (isCheckList && item.getAttribute('role') !== 'checkbox') item.setAttribute('role', 'none');
    else if (!isCheckList && item.getAttribute('role') === 'none') item.removeAttribute('role');
  }
}
