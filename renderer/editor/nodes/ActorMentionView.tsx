import { actorStyle } from '../../actors/actor-colours';
import { useActors } from '../../actors/actors-store';
import { hashForRoute, navigate } from '../../route';

interface Props {
  actorId: number;
  mentionedName: string;
}

export function ActorMentionView({ actorId, mentionedName }: Props) {
  const { actors, byId } = useActors();
  const actor = byId.get(actorId);
  if (actors !== null && !actor) {
    return (
      <span className="actor-mention actor-mention-missing" title="This actor was deleted or merged into another.">
        <span className="visually-hidden">Missing actor: </span>
        <s>@{mentionedName}</s>
      </span>
    );
  }
  const route = { kind: 'actor', id: actorId } as const;
  return (
    <a
      className="actor-mention"
      href={hashForRoute(route)}
      // The stylesheet decides how the colour is used, so it can stay readable on a dark ground.
      style={actor ? actorStyle(actor.colour) : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      @{actor?.name ?? mentionedName}
    </a>
  );
}
