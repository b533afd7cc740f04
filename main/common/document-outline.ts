import { z } from 'zod';

/**
 * A document's table of contents (an EPUB's nav or NCX; a PDF's outline), as stored in
 * `document_files.outline` and answered by `documents.outline`: each entry points at an offset in
 * the document's text, counted as highlights' TextPosition counts.
 */
export interface OutlineEntry {
  title: string;
  offset: number;
  children: OutlineEntry[];
}

export interface DocumentOutline {
  entries: OutlineEntry[];
  /** How many chapters the document is cut into (0: none, as for an article). */
  chapters: number;
}

/** The stored JSON is read back through this: a row written by another version is checked, not trusted. */
export const OutlineEntries: z.ZodType<OutlineEntry[]> = z.array(
  z.object({
    title: z.string(),
    offset: z.number().int().nonnegative(),
    children: z.lazy(() => OutlineEntries),
  }),
);
