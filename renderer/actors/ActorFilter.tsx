import { useId, useMemo } from 'react';
import type { Actor, Highlight } from '../../main/common/records';
import { byName } from '../../main/common/sort-orders';
import { useActors } from './actors-store';

/** The actors tagged on these highlights, by name, with how many highlights each tags. */
export function taggedActors(highlights: readonly Highlight[], byId: Map<number, Actor>): Array<{ actor: Actor; count: number }> {
  const counts = new Map<number, number>();
  for (const highlight of highlights) for (const id of highlight.actorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .flatMap(([id, count]) => {
      const actor = byId.get(id);
      return actor ? [{ actor, count }] : [];
    })
    .sort((a, b) => byName(a.actor, b.actor));
}

interface Props {
  highlights: readonly Highlight[];
  /** The chosen actor's id; null for all. */
  value: number | null;
  onChange(actorId: number | null): void;
}

/**
 * Narrows the Highlights panel to one actor's passages. Only actors tagged in this document are
 * offered, and only once there is at least one tag, so it never offers an empty choice.
 */
export function ActorFilter({ highlights, value, onChange }: Props) {
  const id = useId();
  const { byId } = useActors();
  const options = useMemo(() => taggedActors(highlights, byId), [highlights, byId]);
  if (options.length === 0) return null;
  const current = value !== null && options.some((o) => o.actor.id === value) ? value : null;
  return (
    <div className="actor-filter">
      <label htmlFor={id}>Filter by actor</label>
      <select id={id} className="actor-input" value={current ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
        <option value="">All actors</option>
        {options.map(({ actor, count }) => (
          <option key={actor.id} value={actor.id}>
            {actor.name} ({count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The highlights the filter lets through; all of them while no (still tagged) actor is chosen. */
export function filterByActor(highlights: readonly Highlight[], actorId: number | null): readonly Highlight[] {
  if (actorId === null) return highlights;
  const kept = highlights.filter((h) => h.actorIds.includes(actorId));
  return kept.length > 0 ? kept : highlights;
}
