import type { DragEvent } from 'react';
import { isUid } from '../../main/common/ids';
import type { Highlight } from '../../main/common/records';
import { quotedWords } from '../highlights/quote-text';

/** Our own type, so only a highlight card's drag becomes a quote block; plain text drops stay text. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-fieldbook-highlight';

export interface DraggedHighlight {
  highlightId: number;
  highlightUid: string;
  documentId: number;
  quote: string;
}

export function startHighlightDrag(event: DragEvent, highlight: Highlight): void {
  const quote = quotedWords(highlight);
  const payload: DraggedHighlight = { highlightId: highlight.id, highlightUid: highlight.uid, documentId: highlight.documentId, quote };
  event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify(payload));
  // Dropped anywhere else (another app, a text field) it is simply the passage.
  event.dataTransfer.setData('text/plain', quote);
  event.dataTransfer.effectAllowed = 'copy';
}

const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/**
 * The highlight a drop carries, or null. The payload is read as untrusted: another window, or
 * another app that happens to use our type, could put anything there.
 */
export function readDraggedHighlight(data: DataTransfer | null): DraggedHighlight | null {
  const raw = data?.getData(HIGHLIGHT_DRAG_TYPE);
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { highlightId, highlightUid, documentId, quote } = value as Record<string, unknown>;
  const ok = isId(highlightId) && isUid(highlightUid) && isId(documentId) && typeof quote === 'string' && quote.length > 0;
  return ok ? { highlightId, highlightUid, documentId, quote } : null;
}

export const isHighlightDrag = (data: DataTransfer | null): boolean => data?.types.includes(HIGHLIGHT_DRAG_TYPE) ?? false;
