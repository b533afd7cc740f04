import type { ActorNetwork } from '../main/common/network';
import { ACTOR_KINDS } from '../main/common/records';
import { layoutNetwork } from '../renderer/network/network-layout';
import { rowMaker, type Benchmark } from './benchmark';
import { Picker, seededRandom } from './seeded-random';
import { percentile, timed } from './stats';

export const ACTORS = 500;
export const LINKS = 5_000;
const RUNS = 5;

/**
 * The Network view's layout (ForceAtlas2, as its worker runs it) for 500 actors and 5,000 links:
 * the size the issue states, a large case file's registry. Links join actors chosen with a bias
 * towards a few hubs, as real networks have.
 */
export const networkBenchmark: Benchmark = {
  name: 'network',
  run({ built }) {
    const row = rowMaker('network');
    const building = performance.now();
    const network = generateNetwork(new Picker(seededRandom(0x6e7)));
    built(`a network of ${ACTORS} actors and ${network.links.length.toLocaleString()} links`, performance.now() - building);
    const ms: number[] = [];
    for (let run = 0; run < RUNS; run++) ms.push(timed(() => layoutNetwork(network)).ms);
    return [
      row(`layout of ${ACTORS} actors and ${network.links.length.toLocaleString()} links, p50 of ${RUNS}`, percentile(ms, 50), 'ms', 1_000),
      row(`layout, slowest of ${RUNS}`, Math.max(...ms), 'ms'),
    ];
  },
};

/** 500 actors and 5,000 links, the same for every run of the same seed. */
export function generateNetwork(pick: Picker): ActorNetwork {
  const nodes = Array.from({ length: ACTORS }, (_, i) => ({
    id: i + 1,
    name: `Actor ${i + 1}`,
    kind: pick.pick(ACTOR_KINDS),
    colour: '#2f6f9f',
    passages: pick.int(1, 60),
    mentions: pick.int(0, 30),
  }));
  const seen = new Set<string>();
  const links: ActorNetwork['links'] = [];
  // Squaring a uniform draw favours low ids: they become the hubs.
  const biased = () => 1 + Math.floor(pick.random() ** 2 * ACTORS);
  while (links.length < LINKS) {
    const a = biased();
    const b = pick.int(1, ACTORS);
    const [source, target] = a < b ? [a, b] : [b, a];
    if (source === target || seen.has(`${source}-${target}`)) continue;
    seen.add(`${source}-${target}`);
    const passages = pick.int(1, 12);
    const paragraphs = pick.int(0, 4);
    links.push({ source, target, weight: passages + paragraphs, passages, paragraphs });
  }
  return { nodes, links };
}
