import { CHECK_LIST, CODE, HIGHLIGHT, LINK, UNORDERED_LIST, type Transformer } from '@lexical/markdown';
import { DEFAULT_TRANSFORMERS } from '@lexical/react/LexicalMarkdownShortcutPlugin';

/**
 * Lexical's shortcuts, less the ones for nodes a note does not have (code blocks, web links,
 * ==highlight==, which would read as a document highlight), plus check lists: `[] ` and `[x] `.
 * Check lists go before plain bullets so `- [ ] ` becomes a check item, not a bullet with brackets.
 */
export const noteShortcuts: Transformer[] = DEFAULT_TRANSFORMERS.filter((t) => t !== CODE && t !== LINK && t !== HIGHLIGHT).flatMap((t) =>
  t === UNORDERED_LIST ? [CHECK_LIST, t] : [t],
);
