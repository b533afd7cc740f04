import type Database from 'better-sqlite3';

/**
 * The library's list reads every document's details, and most of them were added after the
 * bodies (authors, dates, publisher, grades: ALTER TABLE appends a column), so each row was read
 * across its html and text to reach them: through the whole overflow chain of a book's pages. An
 * index holding every column the list reads answers it without touching a row; listing ten
 * thousand short documents takes about half the time, and a library of books as long as one of
 * articles. Its order is the title's, though the list sorts by its own key (sort-orders.ts).
 */
export default function updateToSchemaVersion150(db: Database.Database): void {
  db.exec(`
    CREATE INDEX documents_listed ON documents(
      title, uid, byline, source_url, file_name, format, word_count, imported_at, updated_at,
      authors, published, publisher, language, citation, reliability, credibility
    );
  `);
}
