import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { DocumentSummary } from '../../main/common/records';
import { LANGUAGE_RULE, PARTIAL_DATE_RULE } from '../../main/common/document-details';
import { api } from '../api/client';
import type { Credibility, Reliability } from '../../main/common/admiralty';
import { CredibilitySelect, ReliabilitySelect } from '../grades/GradeSelect';
import '../styles/grades.css';
import { useOp } from '../data/op-queries';
import { changeFromForm, formFromDocument, placeCoreError, problemsIn, withTag, type DetailsField, type DetailsForm, type FieldErrors } from './details-form';

interface Props {
  document: DocumentSummary;
  onClose(): void;
}

const FIELD_ORDER: DetailsField[] = ['title', 'authors', 'published', 'publisher', 'sourceUrl', 'language', 'citation', 'tags', 'collectionIds'];

/**
 * A document's citation details, tags and collections in one modal form, saved as one
 * documents.update. The list and the reader show the change when the change feed says so.
 */
export default function DocumentDetailsDialog({ document: doc, onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<DetailsForm>(() => formFromDocument(doc));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [newTag, setNewTag] = useState('');
  const collections = useOp('collections.list', {}).data ?? [];
  const [newCollection, setNewCollection] = useState('');
  const [reliability, setReliability] = useState<Reliability | null>(doc.reliability ?? null);
  const [credibility, setCredibility] = useState<Credibility | null>(doc.credibility ?? null);
  const regraded = reliability !== (doc.reliability ?? null) || credibility !== (doc.credibility ?? null);
  // Escape or Cancel with edits made asks first: a slip of the key must not throw away a citation typed out.
  const [leaving, setLeaving] = useState(false);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const unsaved = () => changeFromForm(doc, form) !== null || newTag.trim() !== '' || regraded;
  const cancel = () => {
    if (leaving || !unsaved()) return onClose();
    setLeaving(true);
    requestAnimationFrame(() => keepEditing.current?.focus());
  };
  const stay = () => {
    setLeaving(false);
    requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('input')?.focus());
  };

  /** A new collection is made at once (it is the library's, not this document's) and ticked here, to be saved with the rest. */
  const createCollection = async () => {
    if (newCollection.trim() === '') return;
    const result = await api.call('collections.create', { name: newCollection });
    if (!result.ok) {
      setErrors((current) => ({ ...current, collectionIds: result.error.message }));
      return;
    }
    setErrors(({ collectionIds: _gone, ...rest }) => rest);
    setForm((current) => ({ ...current, collectionIds: [...current.collectionIds, result.value.id] }));
    setNewCollection('');
  };

  const toggleCollection = (collectionId: number, checked: boolean) =>
    setForm((current) => ({
      ...current,
      collectionIds: checked ? [...current.collectionIds, collectionId] : current.collectionIds.filter((c) => c !== collectionId),
    }));

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = window.document.activeElement;
    element.showModal();
    element.querySelector<HTMLElement>('input')?.focus();
    return () => {
      element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const fieldId = (field: DetailsField) => `${id}-${field}`;
  const set = (field: Exclude<DetailsField, 'tags' | 'collectionIds'>) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const showProblems = (found: FieldErrors) => {
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) dialog.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first === 'tags' ? 'tags' : first))}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const change = changeFromForm(doc, form);
    if (!change && !regraded) return onClose();
    const found = change ? problemsIn(change) : {};
    if (Object.keys(found).length > 0) return showProblems(found);
    setSaving(true);
    // The grade is its own operation: its choices are the code's, so it cannot be refused for what they hold.
    const graded = regraded ? await api.call('documents.grade', { id: doc.id, reliability, credibility }) : null;
    if (graded && !graded.ok) {
      setSaving(false);
      setFormError(graded.error.message);
      return;
    }
    const result = change ? await api.call('documents.update', change) : null;
    setSaving(false);
    if (!result || result.ok) return onClose();
    const placed = placeCoreError(result.error);
    if (placed.field) showProblems({ [placed.field]: placed.message });
    else setFormError(placed.message);
  };

  const addTag = () => {
    if (newTag.trim() === '') return;
    const added = withTag(form.tags, newTag);
    if ('problem' in added) {
      setErrors((current) => ({ ...current, tags: added.problem }));
      return;
    }
    setErrors(({ tags: _gone, ...rest }) => rest);
    setForm((current) => ({ ...current, tags: added.tags }));
    setNewTag('');
  };

  const removeTag = (tag: string, index: number) => {
    setForm((current) => ({ ...current, tags: current.tags.filter((t) => t !== tag) }));
    // Focus stays in the tags: on the next tag's remove button, else the new-tag field.
    requestAnimationFrame(() => {
      const buttons = dialog.current?.querySelectorAll<HTMLElement>('.details-tag button');
      (buttons?.[Math.min(index, buttons.length - 1)] ?? dialog.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId('tags'))}`))?.focus();
    });
  };

  const onTagKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter here adds the tag rather than saving the form.
    event.preventDefault();
    addTag();
  };

  const text = (field: Exclude<DetailsField, 'tags' | 'collectionIds'>, label: string, options: { hint?: string; multiline?: boolean; type?: string } = {}) => (
    <Field id={fieldId(field)} label={label} hint={options.hint} error={errors[field]}>
      {(described) =>
        options.multiline ? (
          <textarea
            id={fieldId(field)}
            className="details-input"
            rows={field === 'authors' ? 3 : 2}
            value={form[field]}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={described}
            onChange={(event) => set(field)(event.target.value)}
          />
        ) : (
          <input
            id={fieldId(field)}
            className="details-input"
            type={options.type ?? 'text'}
            value={form[field]}
            autoComplete="off"
            spellCheck={field === 'title' || field === 'publisher'}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={described}
            onChange={(event) => set(field)(event.target.value)}
          />
        )
      }
    </Field>
  );

  return (
    <dialog
      ref={dialog}
      className="details-dialog"
      aria-labelledby={`${id}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        // Escape while asked means "no, keep editing", as it does in any confirmation.
        if (leaving) stay();
        else cancel();
      }}
    >
      <form className="details-form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-heading`} className="details-title">
          Document details
        </h2>
        {formError && (
          <p role="alert" className="details-error">
            {formError}
          </p>
        )}
        {text('title', 'Title')}
        {text('authors', 'Authors', { multiline: true, hint: 'One a line, in the order the citation names them: “Jane Doe” or “Doe, Jane”.' })}
        <div className="details-row">
          {text('published', 'Date published', { hint: `${PARTIAL_DATE_RULE[0]!.toUpperCase()}${PARTIAL_DATE_RULE.slice(1)}.` })}
          {text('language', 'Language', { hint: `${LANGUAGE_RULE[0]!.toUpperCase()}${LANGUAGE_RULE.slice(1)}.` })}
        </div>
        {text('publisher', 'Publisher or outlet')}
        {text('sourceUrl', 'Source URL', { type: 'url' })}
        {text('citation', 'Citation', { multiline: true, hint: 'The line you want it cited by, as it would stand in a bibliography.' })}
        <fieldset className="details-tags">
          <legend>Tags</legend>
          {form.tags.length > 0 && (
            <ul className="details-tag-list" aria-label="Tags on this document">
              {form.tags.map((tag, index) => (
                <li key={tag} className="details-tag">
                  <span>{tag}</span>
                  <button type="button" className="details-tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => removeTag(tag, index)}>
                    <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                      <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
                    </svg>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="details-add">
            <input
              id={fieldId('tags')}
              className="details-input"
              aria-label="New tag"
              placeholder="New tag"
              autoComplete="off"
              value={newTag}
              aria-invalid={errors.tags ? true : undefined}
              aria-describedby={errors.tags ? `${fieldId('tags')}-error` : undefined}
              onChange={(event) => setNewTag(event.target.value)}
              onKeyDown={onTagKey}
            />
            <button type="button" className="button button-quiet" onClick={addTag}>
              Add tag
            </button>
          </div>
          {errors.tags && (
            <p id={`${fieldId('tags')}-error`} className="details-error">
              {errors.tags}
            </p>
          )}
        </fieldset>
        <fieldset className="details-collections">
          <legend>Collections</legend>
          {collections.length > 0 && (
            <ul className="details-collection-list">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={form.collectionIds.includes(collection.id)}
                      onChange={(event) => toggleCollection(collection.id, event.target.checked)}
                    />
                    {collection.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="details-add">
            <input
              id={fieldId('collectionIds')}
              className="details-input"
              aria-label="New collection"
              placeholder="New collection"
              autoComplete="off"
              value={newCollection}
              aria-invalid={errors.collectionIds ? true : undefined}
              aria-describedby={errors.collectionIds ? `${fieldId('collectionIds')}-error` : undefined}
              onChange={(event) => setNewCollection(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                void createCollection();
              }}
            />
            <button type="button" className="button button-quiet" onClick={() => void createCollection()}>
              Add to new collection
            </button>
          </div>
          {errors.collectionIds && (
            <p id={`${fieldId('collectionIds')}-error`} className="details-error">
              {errors.collectionIds}
            </p>
          )}
        </fieldset>
        <fieldset className="details-field details-grade">
          <legend>Source grade (Admiralty code)</legend>
          <div className="grade-fields">
            <ReliabilitySelect value={reliability} onChange={setReliability} />
            <CredibilitySelect value={credibility} onChange={setCredibility} label="Credibility of its passages" noneLabel="Not graded" />
          </div>
        </fieldset>
        {leaving ? (
          <div role="group" aria-labelledby={`${id}-leaving`} className="details-actions details-leaving">
            <p id={`${id}-leaving`} className="details-leaving-question">
              Discard the changes to these details?
            </p>
            <button type="button" className="button button-danger" onClick={onClose}>
              Discard changes
            </button>
            <button ref={keepEditing} type="button" className="button" onClick={stay}>
              Keep editing
            </button>
          </div>
        ) : (
          <div className="details-actions">
            <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
              Save details
            </button>
            <button type="button" className="button button-quiet" onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}

/** A labelled field with its hint and, when the rules refuse what it holds, why, right under it. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children(describedBy: string | undefined): ReactNode }) {
  // The error restates the rule when there is one, so the hint gives way to it.
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="details-field">
      <label htmlFor={id}>{label}</label>
      {children(described)}
      {error && (
        <p id={`${id}-error`} className="details-error">
          {error}
        </p>
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="details-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
