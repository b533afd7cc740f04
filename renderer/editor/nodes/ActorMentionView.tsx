import { actorStyle } from '../../actors/actor-colours';
import { useActors } from '../../actors/actors-store';
import { hashForRoute, navigate } from '../../route';
import { actorByUid } from './by-uid';

interface Props {
  actorUid: string | null;
  mentionedName: string;
}

export function ActorMentionView({ actorUid, mentionedName }: Props) {
  const { actors } = useActors();
  // A mention of an actor since merged into another finds the kept actor by the merged one's uid.
  const actor = actorByUid(actors, actorUid);
  if (!actor) {
    return actors === null && actorUid !== null ? (
      <span className="actor-mention" aria-busy="true">
        @{mentionedName}
      </span>
    ) : (
      <span className="actor-mention actor-mention-missing" title="This actor was deleted or merged into another.">
        <span className="visually-hidden">Missing actor: </span>
        <s>@{mentionedName}</s>
      </span>
    );
  }
  const route = { kind: 'actor', id: actor.id } as const;
  return (
    <a
      className="actor-mention"
      href={hashForRoute(route)}
      // The stylesheet decides how the colour is used, so it can stay readable on a dark ground.
      style={actorStyle(actor.colour)}
      onClick={(event) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      @{actor.name}
    </a>
  );
}
