import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ActorNetwork } from '../../main/common/network';

export type Positions = Map<number, { x: number; y: number }>;

/**
 * Where each actor goes: ForceAtlas2 (Gephi's layout), started from a circle in id order so the
 * same network is always drawn the same way, with link weights pulling harder. Runs in a worker
 * (network-layout.worker.ts): 500 actors and 5,000 links take about half a second, too long for
 * the thread that paints.
 */
export function layoutNetwork(network: ActorNetwork): Positions {
  const graph = new Graph({ type: 'undirected' });
  const count = network.nodes.length;
  network.nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, count);
    graph.addNode(String(node.id), { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: 1 + Math.sqrt(node.passages + node.mentions) });
  });
  for (const link of network.links) {
    if (graph.hasNode(String(link.source)) && graph.hasNode(String(link.target))) {
      graph.mergeEdge(String(link.source), String(link.target), { weight: link.weight });
    }
  }
  if (count > 1) {
    forceAtlas2.assign(graph, {
      iterations: iterationsFor(count),
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: count < 200 },
    });
  }
  const positions: Positions = new Map();
  graph.forEachNode((key, attributes) => positions.set(Number(key), { x: attributes.x as number, y: attributes.y as number }));
  return positions;
}

/** Fewer passes as the network grows: each pass costs more, and a large one settles in fewer. */
function iterationsFor(nodes: number): number {
  return nodes < 100 ? 400 : nodes < 1000 ? 200 : 100;
}
