import { requestReveal } from '../reader/find/pending-reveal';
import { navigate } from '../route';
import type { ResultOption } from './result-options';

/** Shows a result where it lives: a document at the words that matched, a highlight in its document, a note, an actor's or a theme's page, an analysis of competing hypotheses. */
export function openResult(option: ResultOption): void {
  switch (option.kind) {
    case 'document':
      if (option.result.match) requestReveal(option.result.id, option.result.match);
      navigate({ kind: 'document', id: option.result.id });
      return;
    case 'highlight':
      navigate({ kind: 'document', id: option.result.documentId, highlightId: option.result.id });
      return;
    case 'note':
      navigate({ kind: 'note', id: option.result.id });
      return;
    case 'actor':
      navigate({ kind: 'actor', id: option.result.id });
      return;
    case 'theme':
      navigate({ kind: 'theme', id: option.result.id });
      return;
    case 'analysis':
      navigate({ kind: 'hypotheses', id: option.result.id });
      return;
  }
}
