import { LexicalTypeaheadMenuPlugin } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $insertNodes, type TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import { actorStyle } from '../../actors/actor-colours';
import { useActors } from '../../actors/actors-store';
import { $createActorMentionNode } from '../nodes/ActorMentionNode';
import { actorChoices, matchMentionTrigger, type ActorChoice } from './typeahead-matching';
import { typeaheadMenu, TypeaheadOption } from './TypeaheadMenu';
import { useDismissableTrigger } from './use-dismissable-trigger';

type Option = TypeaheadOption<ActorChoice>;

const toOption = (choice: ActorChoice): Option =>
  new TypeaheadOption(`actor-${choice.actor.id}`, choice, choice.actor.name, choice.alias ? `also “${choice.alias}”` : null);

const renderMenu = typeaheadMenu<ActorChoice>('Mention actor', (option) => (
  <>
    <span className="typeahead-swatch" aria-hidden="true" style={actorStyle(option.value.actor.colour)} />
    <span className="typeahead-label">{option.label}</span>
    {option.detail && <span className="typeahead-detail">{option.detail}</span>}
  </>
));

/** `@` opens a menu of actors, found by name or alias; choosing one inserts a mention. */
export function ActorMentionPlugin() {
  const { actors } = useActors();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => (query === null ? [] : actorChoices(actors ?? [], query).map(toOption)), [actors, query]);

  const matchTrigger = useCallback(
    (text: string) => {
      const match = matchMentionTrigger(text);
      // No actor fits (or there are none yet): the @ was just a character, and the keys stay the editor's.
      return match && actorChoices(actors ?? [], match.matchingString).length > 0 ? match : null;
    },
    [actors],
  );
  const { trigger, closed, chose } = useDismissableTrigger(matchTrigger);

  const choose = useCallback((option: Option, replacing: TextNode | null, close: () => void) => {
    const mention = $createActorMentionNode(option.value.actor.id, option.value.actor.name);
    if (replacing) replacing.replace(mention);
    else $insertNodes([mention]);
    mention.selectNext();
    chose();
    close();
  }, [chose]);

  return (
    <LexicalTypeaheadMenuPlugin<Option>
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
