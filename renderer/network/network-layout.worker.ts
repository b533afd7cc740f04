import type { ActorNetwork } from '../../main/common/network';
import { layoutNetwork } from './network-layout';

/** Lays out each network it is sent and answers [actor id, x, y] triples, off the thread that paints. */
addEventListener('message', (event: MessageEvent<{ request: number; network: ActorNetwork }>) => {
  const { request, network } = event.data;
  const positions = [...layoutNetwork(network)].map(([id, { x, y }]) => [id, x, y]);
  (globalThis as unknown as { postMessage(message: unknown): void }).postMessage({ request, positions });
});
