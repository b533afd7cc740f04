import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerCheckListRoles } from './check-list-roles';

/** Check lists read as groups of checkboxes (see registerCheckListRoles). */
export function CheckListRolesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCheckListRoles(editor), [editor]);
  return null;
}
