import { Fragment } from 'react';
import type { Snippet } from '../../main/common/records';
import { snippetPieces } from './snippet-pieces';

/** A snippet with the words that matched in <mark>. Its pieces are text, never markup. */
export function SnippetText({ snippet, className }: { snippet: Snippet; className?: string }) {
  return (
    <span className={className}>
      {snippetPieces(snippet).map((piece, index) => (piece.mark ? <mark key={index}>{piece.text}</mark> : <Fragment key={index}>{piece.text}</Fragment>))}
    </span>
  );
}
