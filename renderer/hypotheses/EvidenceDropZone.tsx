import { useEffect, useState, type DragEvent as ReactDragEvent, type ReactNode } from 'react';
import type { OpError } from '../../main/common/contract';
import type { Analysis } from '../../main/common/hypotheses';
import { useFadingMessage } from '../actors/use-fading-message';
import { isHighlightDrag, readDraggedHighlight } from '../notes/highlight-drag';
import { addPassage } from './add-passage';

/**
 * The analysis's evidence and matrix, as the place a passage dragged from the Evidence panel (or a
 * highlight card) is dropped to become an item. Only our own drag type is taken: text or files
 * dragged in from elsewhere are left to their usual handling (text into a field, files to import).
 */
export function EvidenceDropZone({ analysis, onProblem, children }: { analysis: Analysis; onProblem(problem: OpError | null): void; children: ReactNode }) {
  const dragging = useHighlightDragInWindow();
  const [over, setOver] = useState(false);
  const [status, setStatus] = useFadingMessage(6000);

  const overZone = (event: ReactDragEvent) => {
    if (!isHighlightDrag(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const drop = (event: ReactDragEvent) => {
    setOver(false);
    const dragged = readDraggedHighlight(event.dataTransfer);
    if (!dragged) return;
    // Also keeps a field under the pointer (New typed evidence) from taking the passage as text.
    event.preventDefault();
    void addPassage(analysis, dragged.highlightId).then((outcome) => {
      if ('problem' in outcome) {
        onProblem(outcome.problem);
        return;
      }
      onProblem(null);
      setStatus(outcome.status);
    });
  };

  return (
    <div
      className="hypotheses-drop"
      data-dragging={dragging || undefined}
      data-over={over || undefined}
      onDragOver={overZone}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
    >
      {dragging && (
        // The mouse's target only: the keyboard's way is each entry's "Add as evidence".
        <p className="hypotheses-drop-hint" aria-hidden="true">
          Drop the passage here to add it as evidence
        </p>
      )}
      {children}
      <p role="status" className="hypotheses-drop-status">
        {status}
      </p>
    </div>
  );
}

/** Whether a passage is being dragged over the window, to show where it can go before it gets there. */
function useHighlightDragInWindow(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (isHighlightDrag(event.dataTransfer)) setDragging(true);
    };
    // Counting dragenter against dragleave is not to be trusted (Chromium fires the next element's
    // enter before the last one's leave, and not always both): only leaving the window itself counts,
    // for a passage dragged through from another Fieldbook window.
    const leave = (event: DragEvent) => {
      const outside = event.clientX <= 0 || event.clientY <= 0 || event.clientX >= window.innerWidth || event.clientY >= window.innerHeight;
      if (event.relatedTarget === null && outside) setDragging(false);
    };
    const end = () => setDragging(false);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', end);
    window.addEventListener('dragend', end);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', end);
      window.removeEventListener('dragend', end);
    };
  }, []);
  return dragging;
}
