import type { useCommentDraft } from './use-comment-draft';

/** A highlight's comment field with its saving status, the same in a card and in the popover. */
export function CommentField({ id, comment }: { id: string; comment: ReturnType<typeof useCommentDraft> }) {
  const { draft, save, edit, saveComment } = comment;
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={id}
        className="highlight-card-comment"
        rows={draft ? 3 : 1}
        placeholder="Add a comment…"
        value={draft}
        maxLength={20_000}
        onChange={(event) => edit(event.target.value)}
        onBlur={() => void saveComment(draft)}
      />
      <p role="status" className="highlight-card-saved">
        {save.status === 'saving' && 'Saving…'}
        {save.status === 'saved' && 'Saved'}
      </p>
      {save.status === 'failed' && (
        <p role="alert" className="highlight-card-error">
          The comment was not saved: {save.error.message}
        </p>
      )}
    </>
  );
}
