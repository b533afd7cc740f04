import { $isListNode, INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ON_MAC } from '../../keyboard/chords';
import { icons } from './toolbar-icons';

type BlockType = 'paragraph' | HeadingTagType | 'bullet' | 'number' | 'check' | 'quote';
type InlineFormat = Extract<TextFormatType, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>;

interface ToolbarState {
  block: BlockType;
  formats: ReadonlySet<InlineFormat>;
  canUndo: boolean;
  canRedo: boolean;
}

const MOD = ON_MAC ? '⌘' : 'Ctrl+';
const FORMATS: InlineFormat[] = ['bold', 'italic', 'underline', 'strikethrough', 'code'];

function $readBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = $isRootOrShadowRoot(anchor) ? anchor : anchor.getTopLevelElementOrThrow();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) return list.getListType();
  if ($isHeadingNode(top)) return top.getTag();
  if ($isQuoteNode(top)) return 'quote';
  return 'paragraph';
}

function setBlock(editor: LexicalEditor, current: BlockType, wanted: BlockType): void {
  // Choosing the block type already in place turns it back into plain text, as a toggle.
  const target = current === wanted ? 'paragraph' : wanted;
  if (target === 'bullet') return void editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
  if (target === 'number') return void editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  if (target === 'check') return void editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined);
  if (current === 'bullet' || current === 'number' || current === 'check') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(target));
  });
}

/** The formatting toolbar: one tab stop, arrow keys between its buttons (the ARIA toolbar pattern). */
export function FormattingToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', formats: new Set(), canUndo: false, canRedo: false });
  const [focusIndex, setFocusIndex] = useState(0);
  const bar = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      const block = $readBlockType();
      if (!block || !$isRangeSelection(selection)) return;
      const formats = new Set(FORMATS.filter((format) => selection.hasFormat(format)));
      setState((previous) => ({ ...previous, block, formats }));
    });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(() => refresh()),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((previous) => ({ ...previous, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((previous) => ({ ...previous, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % buttons.length
      : event.key === 'ArrowLeft' ? (index - 1 + buttons.length) % buttons.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons[next]?.focus();
  };

  let position = 0;
  const button = (
    label: string,
    content: ReactNode,
    run: () => void,
    options: { pressed?: boolean; disabled?: boolean; shortcut?: string; shownAs?: string } = {},
  ) => {
    const index = position++;
    return (
      <button
        key={label}
        type="button"
        className="note-tool"
        // A button showing words ("H1") is named by them first, so "click H1" works by voice too.
        aria-label={options.shownAs ? `${options.shownAs} (${label})` : label}
        title={options.shortcut ? `${label} (${options.shortcut})` : label}
        aria-pressed={options.pressed}
        aria-disabled={options.disabled || undefined}
        tabIndex={index === focusIndex ? 0 : -1}
        // The editor keeps its selection, so the format applies to what was selected.
        onMouseDown={(event) => event.preventDefault()}
        onFocus={() => setFocusIndex(index)}
        onClick={() => {
          if (!options.disabled) run();
        }}
      >
        {content}
      </button>
    );
  };
  const format = (name: InlineFormat, label: string, glyph: ReactNode, shortcut?: string) =>
    button(label, glyph, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, name), { pressed: state.formats.has(name), shortcut });
  const block = (type: BlockType, label: string, glyph: ReactNode, shownAs?: string) =>
    button(label, glyph, () => setBlock(editor, state.block, type), { pressed: state.block === type, shownAs });
  const heading = (type: 'h1' | 'h2' | 'h3', level: number) => block(type, `Heading ${level}`, <span className="note-tool-text">H{level}</span>, `H${level}`);

  return (
    <div ref={bar} role="toolbar" aria-label="Formatting" className="note-toolbar" onKeyDown={moveFocus}>
      <div className="note-toolbar-group">
        {button('Undo', icons.undo, () => editor.dispatchCommand(UNDO_COMMAND, undefined), { disabled: !state.canUndo, shortcut: `${MOD}Z` })}
        {button('Redo', icons.redo, () => editor.dispatchCommand(REDO_COMMAND, undefined), { disabled: !state.canRedo, shortcut: `${MOD}Shift+Z` })}
      </div>
      <div className="note-toolbar-group">
        {heading('h1', 1)}
        {heading('h2', 2)}
        {heading('h3', 3)}
      </div>
      <div className="note-toolbar-group">
        {format('bold', 'Bold', <span className="note-tool-text note-tool-bold">B</span>, `${MOD}B`)}
        {format('italic', 'Italic', <span className="note-tool-text note-tool-italic">I</span>, `${MOD}I`)}
        {format('underline', 'Underline', <span className="note-tool-text note-tool-underline">U</span>, `${MOD}U`)}
        {format('strikethrough', 'Strikethrough', <span className="note-tool-text note-tool-strike">S</span>)}
        {format('code', 'Inline code', icons.code)}
      </div>
      <div className="note-toolbar-group">
        {block('bullet', 'Bulleted list', icons.bulleted)}
        {block('number', 'Numbered list', icons.numbered)}
        {block('check', 'Check list', icons.check)}
        {block('quote', 'Block quote', icons.quote)}
        {button('Horizontal rule', icons.rule, () => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined))}
      </div>
    </div>
  );
}
