/** Why a page (a document, a note, an actor) could not be opened; Try again is left out where it cannot help. */
export function OpenProblem({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="reader-problem">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
