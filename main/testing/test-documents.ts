import fs from 'node:fs';
import path from 'node:path';

/** The real PDFs and EPUBs of ../shared/testdata/documents/ (its README says where each is from): read in place, never copied here. */
export const TEST_DOCUMENTS = path.resolve(import.meta.dirname, '../../../shared/testdata/documents');

/** One of them as `documents.import` takes a file, with its password when it needs one. */
export function testDocument(name: string, password?: string): { name: string; base64: string; password?: string } {
  return { name, base64: fs.readFileSync(path.join(TEST_DOCUMENTS, name)).toString('base64'), ...(password !== undefined && { password }) };
}
