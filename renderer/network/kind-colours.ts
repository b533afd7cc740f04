import type { ActorKind } from '../../main/common/records';

/**
 * Nodes are coloured by kind, as the analysts read a network: groups apart from states at
 * a glance. Two sets, each legible on its own ground (the canvas cannot use CSS's colour-mix).
 */
export const KIND_COLOURS: Record<'light' | 'dark', Record<ActorKind, string>> = {
  light: { person: '#b4541a', group: '#2f6f9f', state: '#2e7d4f', place: '#7a4a9e', other: '#6b665c' },
  dark: { person: '#e39a68', group: '#7fb3dc', state: '#7cc79a', place: '#bf98de', other: '#aaa496' },
};
