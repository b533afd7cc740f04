import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState } from 'react';
import { FindBar } from '../../reader/find/FindBar';

/**
 * Ctrl+F in a note, with the reader's find bar. Matches are found in the text the page shows (the
 * editor's DOM), which is what the bar's offsets walk, and found again after every edit.
 */
export function FindInNotePlugin() {
  const [editor] = useLexicalComposerContext();
  const root = useRef<HTMLElement | null>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const [shown, setShown] = useState({ text: '', edits: 0 });

  useEffect(() => {
    const read = () => {
      const element = editor.getRootElement();
      root.current = element;
      // The note's pane scrolls, not the editor: a match is brought into view there.
      scroller.current = element?.closest<HTMLElement>('.note-view') ?? element;
      setShown((previous) => ({ text: element?.textContent ?? '', edits: previous.edits + 1 }));
    };
    read();
    const stopRoot = editor.registerRootListener(read);
    const stopUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) read();
    });
    return () => {
      stopRoot();
      stopUpdates();
    };
  }, [editor]);

  return <FindBar text={shown.text} articleRef={root} scrollerRef={scroller} renderCount={shown.edits} label="Find in note" className="find-anchor find-anchor-note" />;
}
