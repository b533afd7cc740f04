import type { OpError, OpInput } from '../../main/common/contract';
import { opInputs } from '../../main/common/contract';
import { cleanTag, MAX_TAG_LENGTH, tagKey } from '../../main/common/document-details';
import type { DocumentSummary } from '../../main/common/records';

/*
 * The Document details form as plain data: what it starts from, what it sends (one
 * documents.update carrying only what changed), and which field each problem belongs to. The
 * rules are the contract's own, so the form says exactly what the core would.
 */

export interface DetailsForm {
  title: string;
  /** One author a line, in citation order. */
  authors: string;
  published: string;
  publisher: string;
  sourceUrl: string;
  language: string;
  citation: string;
  tags: string[];
  collectionIds: number[];
}

export type DetailsField = keyof DetailsForm;
export type FieldErrors = Partial<Record<DetailsField, string>>;
type UpdateInput = OpInput<'documents.update'>;

export function formFromDocument(document: DocumentSummary): DetailsForm {
  return {
    title: document.title,
    authors: document.authors.join('\n'),
    published: document.published ?? '',
    publisher: document.publisher ?? '',
    sourceUrl: document.sourceUrl ?? '',
    language: document.language ?? '',
    citation: document.citation ?? '',
    tags: [...document.tags],
    collectionIds: [...document.collectionIds],
  };
}

/** "Doe, Jane" is one author: only line breaks separate them. */
export function authorsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const sameSet = (a: readonly number[], b: readonly number[]) => sameList([...a].sort((x, y) => x - y), [...b].sort((x, y) => x - y));

/** The update that makes the document match the form: only the fields that differ; null when nothing does. */
export function changeFromForm(document: DocumentSummary, form: DetailsForm): UpdateInput | null {
  const start = formFromDocument(document);
  const change: UpdateInput = { id: document.id };
  if (form.title !== start.title) change.title = form.title;
  const authors = authorsOf(form.authors);
  if (!sameList(authors, document.authors)) change.authors = authors;
  for (const field of ['published', 'publisher', 'sourceUrl', 'language', 'citation'] as const) {
    // Blank clears a detail: it is sent as null.
    if (form[field].trim() !== start[field].trim()) change[field] = form[field].trim() === '' ? null : form[field].trim();
  }
  if (!sameList([...form.tags].sort(), [...start.tags].sort())) change.tags = form.tags;
  if (!sameSet(form.collectionIds, start.collectionIds)) change.collectionIds = form.collectionIds;
  return Object.keys(change).length > 1 ? change : null;
}

const FIELDS: Record<string, DetailsField> = {
  title: 'title',
  authors: 'authors',
  published: 'published',
  publisher: 'publisher',
  sourceUrl: 'sourceUrl',
  language: 'language',
  citation: 'citation',
  tags: 'tags',
  collectionIds: 'collectionIds',
};

/** Every problem the contract finds in the update, the first for each field. */
export function problemsIn(change: UpdateInput): FieldErrors {
  const parsed = opInputs['documents.update'].safeParse(change);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELDS[String(issue.path[0])];
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * A refusal from the core, placed by the field it names: the door says "… (published)" or
 * "… (authors.2)" after the first problem. What names no field is the form's as a whole.
 */
export function placeCoreError(error: OpError): { field: DetailsField | null; message: string } {
  const field = error.field ? FIELDS[error.field.split('.')[0]!] : undefined;
  return { field: field ?? null, message: error.message };
}

/** The tags with one more, as the core would store it; a problem instead when it cannot be added. */
export function withTag(tags: readonly string[], typed: string): { tags: string[] } | { problem: string } {
  const tag = cleanTag(typed);
  if (tagKey(tag) === '') return { problem: 'A tag needs at least one letter or digit.' };
  if (tag.length > MAX_TAG_LENGTH) return { problem: `A tag can be at most ${MAX_TAG_LENGTH} characters.` };
  if (tags.some((existing) => tagKey(existing) === tagKey(tag))) return { tags: [...tags] };
  return { tags: [...tags, tag] };
}
