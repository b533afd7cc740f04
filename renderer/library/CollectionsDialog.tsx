import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Collection } from '../../main/common/records';
import { api } from '../api/client';
import { ConfirmDialog } from '../actors/ConfirmDialog';
import { useOp } from '../data/op-queries';

interface Props {
  onClose(): void;
}

/**
 * The library's collections: make one, rename one, delete one. Deleting a collection leaves its
 * documents in the library (and in their other collections), as Zotero does.
 */
export function CollectionsDialog({ onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { data: collections, error: listError } = useOp('collections.list', {});
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Collection | null>(null);
  const [status, setStatus] = useState('');
  // Once a deleted collection has left the list (the change feed says so), focus goes to a control still there.
  const deletedId = useRef<number | null>(null);
  useEffect(() => {
    if (deletedId.current === null || collections?.some((c) => c.id === deletedId.current)) return;
    deletedId.current = null;
    dialog.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-new`)}`)?.focus();
  }, [collections, id]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement;
    element.showModal();
    element.querySelector<HTMLElement>('input')?.focus();
    return () => {
      element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.call('collections.create', { name });
    if (!result.ok) {
      setCreateError(result.error.message);
      return;
    }
    setCreateError(null);
    // Only what was made is cleared: a name typed while the first was being made stays to be made next.
    setName((typed) => (typed === name ? '' : typed));
    setStatus(`Made the collection “${result.value.name}”.`);
  };

  const remove = async (collection: Collection) => {
    const result = await api.call('collections.delete', { id: collection.id });
    if (result.ok) deletedId.current = collection.id;
    setDeleting(null);
    setStatus(result.ok ? `Deleted the collection “${collection.name}”; its documents stay in the library.` : result.error.message);
  };

  return (
    <dialog
      ref={dialog}
      className="details-dialog"
      aria-labelledby={`${id}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        if (!deleting) onClose();
      }}
    >
      <div className="details-form">
        <h2 id={`${id}-heading`} className="details-title">
          Collections
        </h2>
        <form className="details-field" noValidate onSubmit={(event) => void create(event)}>
          <label htmlFor={`${id}-new`}>New collection</label>
          <div className="details-add">
            <input
              id={`${id}-new`}
              className="details-input"
              autoComplete="off"
              value={name}
              aria-invalid={createError ? true : undefined}
              aria-describedby={createError ? `${id}-new-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button button-quiet">
              Create collection
            </button>
          </div>
          {createError && (
            <p id={`${id}-new-error`} className="details-error">
              {createError}
            </p>
          )}
        </form>
        {listError && (
          <p role="alert" className="details-error">
            {listError.message}
          </p>
        )}
        {collections?.length === 0 && <p className="details-hint">No collections yet. A document can be in several.</p>}
        {collections && collections.length > 0 && (
          <ul className="collection-list" aria-label="Collections">
            {collections.map((collection) =>
              renaming === collection.id ? (
                <RenameRow
                  key={collection.id}
                  collection={collection}
                  onDone={(renamed) => {
                    setRenaming(null);
                    if (renamed) setStatus(`Renamed the collection to “${renamed}”.`);
                  }}
                />
              ) : (
                <li key={collection.id} className="collection-row">
                  <span className="collection-name">
                    {collection.name}
                    <span className="details-hint">
                      {' '}
                      {collection.documentCount === 1 ? '1 document' : `${collection.documentCount} documents`}
                    </span>
                  </span>
                  <button type="button" className="button button-quiet" aria-label={`Rename ${collection.name}`} onClick={() => setRenaming(collection.id)}>
                    Rename
                  </button>
                  <button type="button" className="button button-quiet" aria-label={`Delete ${collection.name}`} onClick={() => setDeleting(collection)}>
                    Delete
                  </button>
                </li>
              ),
            )}
          </ul>
        )}
        <p role="status" className="details-hint">
          {status}
        </p>
        <div className="details-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {deleting && (
        <ConfirmDialog
          title={`Delete the collection “${deleting.name}”?`}
          onClose={() => setDeleting(null)}
          actions={
            <>
              <button type="button" className="button button-danger" onClick={() => void remove(deleting)}>
                Delete collection
              </button>
              <button type="button" className="button button-quiet" data-autofocus onClick={() => setDeleting(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>Its documents stay in the library and in any other collection they are in.</p>
        </ConfirmDialog>
      )}
    </dialog>
  );
}

function RenameRow({ collection, onDone }: { collection: Collection; onDone(renamed: string | null): void }) {
  const id = useId();
  const [name, setName] = useState(collection.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.call('collections.rename', { id: collection.id, name });
    if (!result.ok) {
      setError(result.error.message);
      input.current?.focus();
      return;
    }
    onDone(result.value.name);
  };
  return (
    <li className="collection-row">
      <form
        className="collection-rename"
        noValidate
        onSubmit={(event) => void save(event)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Escape leaves the rename, not the whole dialog.
          event.preventDefault();
          event.stopPropagation();
          onDone(null);
        }}
      >
        <label htmlFor={`${id}-name`} className="visually-hidden">
          New name for {collection.name}
        </label>
        <input
          ref={input}
          id={`${id}-name`}
          className="details-input"
          autoComplete="off"
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-quiet">
          Save name
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
        {error && (
          <p id={`${id}-error`} className="details-error">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}
