import type { DragEvent } from 'react';
import { isUid } from '../../main/common/ids';
import type { Highlight } from '../../main/common/records';

/** Our own type, so only a highlight card's drag becomes a quote block; plain text drops stay text. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-fieldbook-highlight';

export interface DraggedHighlight {
  highlightId: number;
  highlightUid: string;
  documentId: number;
  quote: string;
}

export function startHighlightDrag(event: DragEvent, highlight: Highlight): void {
  const payload: DraggedHighlight = { highlightId: highlight.id, highlightUid: highlight.uid, documentId: highlight.documentId, quote: highlight.exact };
  event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify(payload));
  // Dropped anywhere else (another app, a text field) it is simply the passage.
  event.dataTransfer.setData('text/plain', highlight.exact);
  event.dataTransfer.effectAllowed = 'copy';
}

export function readDraggedHighlight(data: DataTransfer | null): DraggedHighlight | null {
  const raw = data?.getData(HIGHLIGHT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedHighlight>;
    const ok =
      Number.isInteger(value.highlightId) &&
      isUid(value.highlightUid) &&
      Number.isInteger(value.documentId) &&
      typeof value.quote === 'string' &&
      value.quote.length > 0;
    return ok ? (value as DraggedHighlight) : null;
  } catch {
    return null;
  }
}

export const isHighlightDrag = (data: DataTransfer | null): boolean => data?.types.includes(HIGHLIGHT_DRAG_TYPE) ?? false;
