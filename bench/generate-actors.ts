import type { ActorKind } from '../main/common/records';
import { nameKey } from '../main/common/fold-text';
import { capitalise, inventWords } from './generate-prose';
import { Picker } from './seeded-random';

export interface GeneratedActor {
  name: string;
  kind: ActorKind;
  aliases: string[];
}

const GROUP_FORMS = ['Movement for the Unity of', 'Front for the Liberation of', 'Brigade of', 'Council of', 'Coalition for'];
const PREFIXES = ['Abu', 'Sheikh', 'Colonel', 'Emir'];

/**
 * People, groups, states and places with aliases (acronyms, noms de guerre, short forms), every
 * name and alias unique as the core compares them, so actors.create accepts them all.
 */
export function generateActors(pick: Picker, count: number, aliasesPerActor: number): GeneratedActor[] {
  const invented = inventWords(pick, count * (aliasesPerActor + 3) * 2).map(capitalise);
  let next = 0;
  const fresh = () => invented[next++]!;
  const taken = new Set<string>();
  const claim = (name: string) => {
    const key = nameKey(name);
    if (key.length === 0 || taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  const actors: GeneratedActor[] = [];
  while (actors.length < count) {
    const roll = pick.random();
    let name: string;
    let kind: ActorKind;
    const candidates: string[] = [];
    if (roll < 0.5) {
      kind = 'person';
      const [first, last] = [fresh(), fresh()];
      name = `${first} ${last}`;
      candidates.push(`${first.charAt(0)}. ${last}`, `${pick.pick(PREFIXES)} ${fresh()}`, `${first} ${fresh()} ${last}`);
    } else if (roll < 0.8) {
      kind = 'group';
      const place = fresh();
      name = `${pick.pick(GROUP_FORMS)} ${place}`;
      const acronym = `${name.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w.charAt(0)).join('')}${fresh().slice(0, 2).toUpperCase()}`;
      candidates.push(acronym, `${place} ${pick.pick(['Front', 'Movement', 'Brigade'])}`, `the ${fresh()} Group`);
    } else if (roll < 0.9) {
      kind = 'state';
      const root = fresh();
      name = `Republic of ${root}`;
      candidates.push(root, `${root}ian Government`, `${root} State`);
    } else {
      kind = pick.chance(0.8) ? 'place' : 'other';
      const root = fresh();
      name = `${root} ${pick.pick(['Valley', 'Oasis', 'Plateau', 'District'])}`;
      candidates.push(`the ${root}`, `${root} Region`, `${fresh()} ${root}`);
    }
    if (!claim(name)) continue;
    const aliases: string[] = [];
    for (const candidate of candidates) if (aliases.length < aliasesPerActor && claim(candidate)) aliases.push(candidate);
    while (aliases.length < aliasesPerActor) {
      const spare = `${pick.pick(PREFIXES)} ${fresh()}`;
      if (claim(spare)) aliases.push(spare);
    }
    actors.push({ name, kind, aliases });
  }
  return actors;
}

/** Every way the actors are written, to drop into generated prose as mentions. */
export function namesOf(actors: readonly GeneratedActor[]): string[] {
  return actors.flatMap((actor) => [actor.name, ...actor.aliases]);
}
