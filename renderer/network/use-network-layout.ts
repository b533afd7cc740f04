import { useEffect, useRef, useState } from 'react';
import type { ActorNetwork } from '../../main/common/network';
import type { Positions } from './network-layout';

/**
 * The positions of the network's actors, worked out in a worker; null while the first layout of
 * this network is under way. One worker per view, kept while it is open; an answer for a network
 * since replaced is dropped.
 */
export function useNetworkLayout(network: ActorNetwork | undefined): Positions | null {
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);
  const [laidOut, setLaidOut] = useState<{ network: ActorNetwork; positions: Positions } | null>(null);

  useEffect(() => {
    const started = new Worker(new URL('./network-layout.worker.ts', import.meta.url), { type: 'module' });
    worker.current = started;
    return () => {
      started.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const current = worker.current;
    if (!network || !current) return;
    const request = ++asked.current;
    const answered = (event: MessageEvent<{ request: number; positions: Array<[number, number, number]> }>) => {
      if (event.data.request !== request) return;
      setLaidOut({ network, positions: new Map(event.data.positions.map(([id, x, y]) => [id, { x, y }])) });
    };
    current.addEventListener('message', answered);
    current.postMessage({ request, network });
    return () => current.removeEventListener('message', answered);
  }, [network]);

  return laidOut && laidOut.network === network ? laidOut.positions : null;
}
