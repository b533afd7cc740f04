import { describe, expect, it } from 'vitest';
import type { ActorNetwork } from '../../main/common/network';
import { layoutNetwork } from './network-layout';

function network(nodes: number, links: Array<[number, number, number]>): ActorNetwork {
  return {
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: i + 1, name: `Actor ${i + 1}`, kind: 'group' as const, colour: '#2f6f9f', passages: 1 + (i % 4), mentions: 0 })),
    links: links.map(([source, target, weight]) => ({ source, target, weight, passages: weight, paragraphs: 0 })),
  };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('laying out the actor network', () => {
  it('places linked actors nearer each other than unlinked ones, the same way every time', () => {
    // Two tight groups of three, joined by nothing.
    const groups = network(6, [
      [1, 2, 5],
      [2, 3, 5],
      [1, 3, 5],
      [4, 5, 5],
      [5, 6, 5],
      [4, 6, 5],
    ]);
    const positions = layoutNetwork(groups);
    const within = distance(positions.get(1)!, positions.get(2)!);
    const across = distance(positions.get(1)!, positions.get(4)!);
    expect(within).toBeLessThan(across);
    expect([...layoutNetwork(groups)]).toEqual([...positions]);
  });

  it('gives every actor a finite place, alone or with a link to an actor outside the network', () => {
    const positions = layoutNetwork(network(3, [[1, 9, 2]]));
    expect([...positions.keys()]).toEqual([1, 2, 3]);
    for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect([...layoutNetwork(network(1, []))]).toEqual([[1, { x: 100, y: 0 }]]);
  });
});
