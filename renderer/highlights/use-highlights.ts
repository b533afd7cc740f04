import { useCallback } from 'react';
import type { Highlight, HighlightArea, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { inReadingOrder as readingOrder } from '../../main/common/sort-orders';
import { api } from '../api/client';
import { opKey, queryClient, useOp } from '../data/op-queries';
import { takeEarlyHighlights } from '../reader/early-open';
import type { TextSpan } from './text-offsets';

export interface HighlightList {
  /** Null until the open document's highlights have arrived. */
  highlights: Highlight[] | null;
  error: OpError | null;
  reload(): void;
  create(span: TextSpan, colour: HighlightColour): Promise<OpResultOf<Highlight>>;
  /** A rectangle on a PDF's page: a table, a figure, part of a scan. */
  createArea(area: HighlightArea, colour: HighlightColour): Promise<OpResultOf<Highlight>>;
  update(id: number, changes: { colour?: HighlightColour; comment?: string }): Promise<OpResultOf<Highlight>>;
  remove(id: number): Promise<OpResultOf<Highlight>>;
  restore(id: number): Promise<OpResultOf<Highlight>>;
  tag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
  untag(id: number, actorId: number): Promise<OpResultOf<Highlight>>;
}

export type OpResultOf<T> = { ok: true; value: T } | { ok: false; error: OpError };

/** Reading order as the core gives it: placed highlights by position, orphans (no position) last. */
export function inReadingOrder(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort(readingOrder);
}

/**
 * The open document's highlights. A change made here shows at once from the core's answer; the
 * change feed then reads the list again, as it does for changes made anywhere else.
 */
export function useHighlights(documentId: number | null): HighlightList {
  const asked = documentId ?? 0;
  const { data, error, refetch } = useOp('highlights.list', { documentId: asked }, {
    enabled: documentId !== null,
    read: () => takeEarlyHighlights(asked),
  });

  const change = useCallback(
    (edit: (list: Highlight[]) => Highlight[]) =>
      queryClient.setQueryData<Highlight[]>(opKey('highlights.list', { documentId: asked }), (list) => list && edit(list)),
    [asked],
  );

  const create = useCallback(
    async (span: TextSpan, colour: HighlightColour) => {
      if (documentId === null) return noDocument();
      const result = await api.call('highlights.create', { documentId, start: span.start, end: span.end, colour });
      if (result.ok) change((list) => inReadingOrder([...list.filter((h) => h.id !== result.value.id), result.value]));
      return result;
    },
    [documentId, change],
  );

  const createArea = useCallback(
    async (area: HighlightArea, colour: HighlightColour) => {
      if (documentId === null) return noDocument();
      const result = await api.call('highlights.createArea', { documentId, area, colour });
      if (result.ok) change((list) => inReadingOrder([...list.filter((h) => h.id !== result.value.id), result.value]));
      return result;
    },
    [documentId, change],
  );

  const replaceWith = useCallback(
    (result: OpResultOf<Highlight>) => {
      if (result.ok) change((list) => list.map((h) => (h.id === result.value.id ? result.value : h)));
      return result;
    },
    [change],
  );

  const update = useCallback(
    async (id: number, changes: { colour?: HighlightColour; comment?: string }) => replaceWith(await api.call('highlights.update', { id, ...changes })),
    [replaceWith],
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
    async (id: number, actorId: number) => replaceWith(await api.call('highlights.tag', { highlightId: id, actorId })),
    [replaceWith],
  );

  const untag = useCallback(
    async (id: number, actorId: number) => replaceWith(await api.call('highlights.untag', { highlightId: id, actorId })),
    [replaceWith],
  );

  return { highlights: documentId === null ? null : (data ?? null), error, reload: refetch, create, createArea, update, remove, restore, tag, untag };
}

function noDocument(): OpResultOf<Highlight> {
  return { ok: false, error: { code: 'not_found', message: 'Open a document to highlight in it.' } };
}

/**
 * Shows a highlight's new state in its document's list at once (a theme tagged from its card, say),
 * ahead of the change feed's refresh, as the list's own edits do.
 */
export function showChangedHighlight(highlight: Highlight): void {
  queryClient.setQueryData<Highlight[]>(opKey('highlights.list', { documentId: highlight.documentId }), (list) =>
    list?.map((h) => (h.id === highlight.id ? highlight : h)),
  );
}
