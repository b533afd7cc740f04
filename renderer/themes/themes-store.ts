import { useMemo } from 'react';
import type { Theme, ThemeNode } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { useOp } from '../data/op-queries';
import { codebookRows, type CodebookRow } from './codebook-rows';

export interface ThemesView {
  /** Null until the first answer; kept across failed refreshes. */
  tree: ThemeNode[] | null;
  rows: CodebookRow[];
  byId: Map<number, CodebookRow>;
  error: OpError | null;
  retry(): void;
}

/** The codebook for the whole window, from its query cache: any change to a theme or a tag, here or elsewhere, refreshes it for every reader. */
export function useThemes(): ThemesView {
  const { data, error, refetch } = useOp('themes.list', {});
  const rows = useMemo(() => codebookRows(data ?? []), [data]);
  const byId = useMemo(() => new Map(rows.map((row) => [row.theme.id, row])), [rows]);
  return { tree: data ?? null, rows, byId, error, retry: refetch };
}

export type { CodebookRow, Theme };
