import { useCallback, useEffect, useState } from 'react';
import type { Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { inReadingOrder as readingOrder } from '../../main/common/sort-orders';
import { api } from '../api/client';
import { takeEarlyHighlights } from '../reader/early-open';
import type { TextSpan } from './text-offsets';

export interface HighlightList {
  /** Null until the open document's highlights have arrived. */
  highlights: Highlight[] | null;
  error: OpError | null;
  reload(): void;
  create(span: TextSpan, colour: HighlightColour): Promise<OpResultOf<Highlight>>;
  update(id: number, changes: { colour?: HighlightColour; comment?: string }): Promise<OpResultOf<Highlight>>;
  remove(id: number): Promise<OpResultOf<Highlight>>;
  restore(id: number): Promise<OpResultOf<Highlight>>;
  tag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  untag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
}

export type OpResultOf<T> = { ok: true; value: T } | { ok: false; error: OpError };

interface Answer {
  request: string;
  highlights: Highlight[] | null;
  error: OpError | null;
}

/** Reading order as the core gives it: placed highlights by position, orphans (no position) last. */
export function inReadingOrder(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort(readingOrder);
}

/** The open document's highlights, kept in step with every change made through this hook. */
export function useHighlights(documentId: number | null): HighlightList {
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const request = `${documentId}:${generation}`;

  useEffect(() => {
    if (documentId === null) return;
    let current = true;
    void (takeEarlyHighlights(documentId) ?? api.call('highlights.list', { documentId })).then((result) => {
      if (!current) return;
      setAnswer((previous) =>
        result.ok
          ? { request, highlights: result.value, error: null }
          : // A failed reload keeps the list shown; a failed first load has none to keep.
            { request, highlights: previous?.request.startsWith(`${documentId}:`) ? previous.highlights : null, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [documentId, request]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  const change = useCallback(
    (edit: (list: Highlight[]) => Highlight[]) =>
      setAnswer((previous) => (previous?.highlights ? { ...previous, highlights: edit(previous.highlights) } : previous)),
    [],
  );

  const create = useCallback(
    async (span: TextSpan, colour: HighlightColour) => {
      if (documentId === null) return noDocument();
      const result = await api.call('highlights.create', { documentId, start: span.start, end: span.end, colour });
      if (result.ok) change((list) => inReadingOrder([...list, result.value]));
      return result;
    },
    [documentId, change],
  );

  const update = useCallback(
    async (id: number, changes: { colour?: HighlightColour; comment?: string }) => {
      const result = await api.call('highlights.update', { id, ...changes });
      if (result.ok) change((list) => list.map((h) => (h.id === id ? result.value : h)));
      return result;
    },
    [change],
  );

  const remove = useCallback(
    async (id: number) => {
      const result = await api.call('highlights.delete', { id });
      if (result.ok) change((list) => list.filter((h) => h.id !== id));
      return result;
    },
    [change],
  );

  const restore = useCallback(
    async (id: number) => {
      const result = await api.call('highlights.restore', { id });
      if (result.ok && result.value.documentId === documentId) change((list) => inReadingOrder([...list.filter((h) => h.id !== id), result.value]));
      return result;
    },
    [documentId, change],
  );

  const tag = useCallback(
    async (id: number, actorId: number) => {
      const result = await api.call('highlights.tag', { highlightId: id, actorId });
      if (result.ok) change((list) => list.map((h) => (h.id === id ? result.value : h)));
      return result;
    },
    [change],
  );

  const untag = useCallback(
    async (id: number, actorId: number) => {
      const result = await api.call('highlights.untag', { highlightId: id, actorId });
      if (result.ok) change((list) => list.map((h) => (h.id === id ? result.value : h)));
      return result;
    },
    [change],
  );

  const current = documentId !== null && answer?.request.startsWith(`${documentId}:`) ? answer : null;
  return { highlights: current?.highlights ?? null, error: current?.error ?? null, reload, create, update, remove, restore, tag, untag };
}

function noDocument(): OpResultOf<Highlight> {
  return { ok: false, error: { code: 'not_found', message: 'Open a document to highlight in it.' } };
}
