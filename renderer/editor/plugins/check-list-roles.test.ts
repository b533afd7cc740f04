// @vitest-environment jsdom
import { $createListItemNode, $createListNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import axe from 'axe-core';
import { $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCheckListRoles } from './check-list-roles';

let editor: LexicalEditor;
let root: HTMLElement;
let unregister: () => void;

beforeEach(() => {
  root = document.createElement('div');
  root.contentEditable = 'true';
  root.setAttribute('role', 'textbox');
  root.setAttribute('aria-label', 'Note body');
  document.body.append(root);
  editor = createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode], onError: (error) => { throw error; } });
  editor.setRootElement(root);
  unregister = registerCheckListRoles(editor);
});

afterEach(() => {
  unregister();
  editor.setRootElement(null);
  root.remove();
});

/** A list of the given type: "protection", then an item holding a nested list with "water". */
function writeList(type: 'check' | 'bullet'): void {
  editor.update(
    () => {
      const nested = $createListNode(type).append($createListItemNode(false).append($createTextNode('water')));
      const list = $createListNode(type).append($createListItemNode(true).append($createTextNode('protection')), $createListItemNode().append(nested));
      $getRoot().clear().append(list);
    },
    { discrete: true },
  );
}

function setListType(type: 'check' | 'bullet'): void {
  editor.update(
    () => {
      for (const child of $getRoot().getChildren()) if ($isListNode(child)) child.setListType(type);
    },
    { discrete: true },
  );
}

async function listViolations(): Promise<string[]> {
  const { violations } = await axe.run(root, { runOnly: ['list', 'listitem', 'aria-required-parent', 'aria-required-children'] });
  return violations.map((violation) => violation.id);
}

describe('check list roles', () => {
  it('makes a check list a group of checkboxes, which axe finds well formed', async () => {
    writeList('check');
    const outer = root.querySelector('ul')!;
    expect(outer.getAttribute('role')).toBe('group');
    const [protection, holder] = Array.from(outer.children);
    expect(protection!.getAttribute('role')).toBe('checkbox');
    expect(protection!.getAttribute('aria-checked')).toBe('true');
    expect(holder!.getAttribute('role')).toBe('none');
    expect(holder!.querySelector('ul')!.getAttribute('role')).toBe('group');
    expect(await listViolations()).toEqual([]);
  });

  it('leaves a bulleted list a list, and gives one back its list semantics when it stops being a check list', async () => {
    writeList('bullet');
    expect(root.querySelectorAll('[role]')).toHaveLength(0);
    setListType('check');
    expect(root.querySelector('ul')!.getAttribute('role')).toBe('group');
    setListType('bullet');
    const outer = root.querySelector('ul')!;
    expect(outer.hasAttribute('role')).toBe(false);
    expect(Array.from(outer.children).map((item) => item.getAttribute('role'))).toEqual([null, null]);
    expect(await listViolations()).toEqual([]);
  });
});
