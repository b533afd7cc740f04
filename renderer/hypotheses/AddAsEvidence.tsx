import { useEffect, useRef, useState } from 'react';
import type { Analysis } from '../../main/common/hypotheses';
import type { Highlight } from '../../main/common/records';
import { useFadingMessage } from '../actors/use-fading-message';
import { EvidenceAction } from '../notes/EvidenceAction';
import { addPassage, holdsPassage } from './add-passage';

/**
 * An Evidence panel entry's action beside an analysis, the keyboard's way to do what a drag onto
 * the matrix does. A passage already in the analysis says so instead of offering a second add.
 */
export function AddAsEvidence({ analysis, highlight }: { analysis: Analysis; highlight: Highlight }) {
  const [done, setDone] = useFadingMessage(4000);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const marker = useRef<HTMLSpanElement>(null);
  // The button goes once the passage is in: focus moves to what replaced it, not to the page's start.
  const focusMarker = useRef(false);
  const held = holdsPassage(analysis, highlight.id);

  useEffect(() => {
    if (held && focusMarker.current) {
      focusMarker.current = false;
      marker.current?.focus();
    }
  }, [held]);

  const add = async () => {
    if (busy) return;
    setBusy(true);
    // Set before the write: its answer may redraw the entry before the call below returns.
    focusMarker.current = true;
    const outcome = await addPassage(analysis, highlight.id);
    setBusy(false);
    if ('problem' in outcome) {
      focusMarker.current = false;
      setFailure(outcome.problem.message);
      return;
    }
    setFailure(null);
    setDone(outcome.status);
  };

  return (
    <EvidenceAction done={done} failure={failure}>
      {held ? (
        <span ref={marker} tabIndex={-1} className="evidence-held">
          In this analysis
        </span>
      ) : (
        <button type="button" className="button button-quiet evidence-quote-in" aria-disabled={busy || undefined} onClick={() => void add()}>
          Add as evidence
        </button>
      )}
    </EvidenceAction>
  );
}
