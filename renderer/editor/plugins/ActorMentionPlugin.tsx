import { useCallback } from 'react';
import { actorStyle } from '../../actors/actor-colours';
import { useActors } from '../../actors/actors-store';
import { $createActorMentionNode } from '../nodes/ActorMentionNode';
import { NodeTypeahead } from './NodeTypeahead';
import { actorChoices, matchMentionTrigger, type ActorChoice } from './typeahead-matching';
import { typeaheadMenu, TypeaheadOption } from './TypeaheadMenu';

const toOption = (choice: ActorChoice): TypeaheadOption<ActorChoice> =>
  new TypeaheadOption(`actor-${choice.actor.id}`, choice, choice.actor.name, choice.alias ? `also “${choice.alias}”` : null);

const renderMenu = typeaheadMenu<ActorChoice>('Mention actor', (option) => (
  <>
    <span className="typeahead-swatch" aria-hidden="true" style={actorStyle(option.value.actor.colour)} />
    <span className="typeahead-label">{option.label}</span>
    {option.detail && <span className="typeahead-detail">{option.detail}</span>}
  </>
));

const mentionOf = (choice: ActorChoice) => $createActorMentionNode(choice.actor.uid, choice.actor.name);

/** `@` opens a menu of actors, found by name or alias; choosing one inserts a mention. */
export function ActorMentionPlugin() {
  const { actors } = useActors();
  const choicesFor = useCallback((query: string) => actorChoices(actors ?? [], query), [actors]);
  return (
    <NodeTypeahead
      matchTrigger={matchMentionTrigger}
      choicesFor={choicesFor}
      toOption={toOption}
      renderMenu={renderMenu}
      nodeFor={mentionOf}
    />
  );
}
