import type Database from 'better-sqlite3';
import { rewriteTableSql } from './rewrite-table-sql';

/**
 * Area highlights (issue #16): a rectangle on a PDF's page, for a table, a figure or a scan, kept
 * as its page (1-based) and its place in fractions of the page's width and height, origin at the
 * top-left (see HighlightArea in main/common/records.ts). A highlight is an area when area_page is
 * set, and then all five are; a highlight of text has none.
 *
 * An area is still a row of `highlights`, so its tags, themes, grade, dates, notes and evidence
 * work as a passage's do. It quotes no text: its quote is empty and it starts and ends at its
 * page's first offset, so lists put it at the top of its page. The first CHECKs (a quote of some
 * text, an end after the start) are loosened for areas alone; every row already stored is a
 * highlight of text and satisfies them as before.
 *
 * The edge's tolerance is the door's (AREA_EDGE_TOLERANCE) and more: the core trims an area to the
 * page, and a sum of two fractions may round a hair past 1.
 */
export default function updateToSchemaVersion160(db: Database.Database): void {
  const filled = (column: string, rule: string) => `CHECK ((${column} IS NULL) = (area_page IS NULL) AND (${column} IS NULL OR (${rule})))`;
  db.exec(`
    ALTER TABLE highlights ADD COLUMN area_page INTEGER
      CHECK (area_page IS NULL OR (area_page >= 1 AND quote_exact = '' AND quote_prefix = '' AND quote_suffix = '' AND position_end = position_start));
    ALTER TABLE highlights ADD COLUMN area_x REAL ${filled('area_x', 'area_x >= 0 AND area_x < 1')};
    ALTER TABLE highlights ADD COLUMN area_y REAL ${filled('area_y', 'area_y >= 0 AND area_y < 1')};
    ALTER TABLE highlights ADD COLUMN area_width REAL ${filled('area_width', 'area_width > 0 AND area_x + area_width <= 1.000001')};
    ALTER TABLE highlights ADD COLUMN area_height REAL ${filled('area_height', 'area_height > 0 AND area_y + area_height <= 1.000001')};
  `);
  rewriteTableSql(db, 'highlights', [
    ['CHECK (length(quote_exact) > 0)', 'CHECK (length(quote_exact) > 0 OR area_page IS NOT NULL)'],
    ['CHECK (position_end > position_start)', 'CHECK (position_end > position_start OR area_page IS NOT NULL)'],
  ]);
}
