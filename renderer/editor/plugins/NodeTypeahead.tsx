import { LexicalTypeaheadMenuPlugin, type MenuRenderFn } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $insertNodes, type LexicalNode, type TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import type { TriggerMatch } from './typeahead-matching';
import type { TypeaheadOption } from './TypeaheadMenu';
import { useDismissableTrigger } from './use-dismissable-trigger';
import { $wholeTrigger } from './whole-trigger';

interface Props<T, N extends LexicalNode> {
  matchTrigger(textBeforeCaret: string): TriggerMatch | null;
  /** What to offer for the words after the trigger. Keep it stable (useCallback): it is a dependency. */
  choicesFor(query: string): T[];
  toOption(choice: T): TypeaheadOption<T>;
  renderMenu: MenuRenderFn<TypeaheadOption<T>>;
  /** The node that takes the place of the trigger and the words after it. Runs in an editor update. */
  nodeFor(choice: T): N;
  onInserted?(node: N, choice: T): void;
}

/** A typeahead that inserts a node, shared by `@` mentions and `[[` note links. */
export function NodeTypeahead<T, N extends LexicalNode>({ matchTrigger, choicesFor, toOption, renderMenu, nodeFor, onInserted }: Props<T, N>) {
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => (query === null ? [] : choicesFor(query).map(toOption)), [choicesFor, toOption, query]);

  const matchOffered = useCallback(
    (text: string) => {
      const match = matchTrigger(text);
      // With nothing to offer the menu stays shut: the trigger was just characters, and arrows and Enter stay the editor's.
      return match && choicesFor(match.matchingString).length > 0 ? match : null;
    },
    [matchTrigger, choicesFor],
  );
  const { trigger, closed, chose } = useDismissableTrigger(matchOffered);

  const choose = useCallback(
    (option: TypeaheadOption<T>, replacing: TextNode | null, close: () => void) => {
      const node = nodeFor(option.value);
      if (replacing) $wholeTrigger(replacing, matchTrigger).replace(node);
      else $insertNodes([node]);
      node.selectNext();
      chose();
      close();
      onInserted?.(node, option.value);
    },
    [nodeFor, onInserted, chose, matchTrigger],
  );

  return (
    <LexicalTypeaheadMenuPlugin<TypeaheadOption<T>>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={choose}
      triggerFn={trigger}
      onClose={closed}
      menuRenderFn={renderMenu}
      anchorClassName="typeahead-anchor"
      preselectFirstItem
    />
  );
}
