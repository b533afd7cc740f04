import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { count } from '../actors/actor-words';
import type { ActorNetwork, NetworkLink, NetworkNode } from '../../main/common/network';
import { KIND_COLOURS } from './kind-colours';
import type { Positions } from './network-layout';

interface Props {
  network: ActorNetwork;
  positions: Positions;
  /** The link whose passages are shown, drawn stronger. */
  chosenLink: NetworkLink | null;
  onOpenActor(node: NetworkNode): void;
  onChooseLink(link: NetworkLink): void;
}

const PADDING = 36;
const radiusOf = (node: NetworkNode) => 4 + 2.2 * Math.sqrt(node.passages + node.mentions);
const widthOf = (link: NetworkLink) => 0.75 + Math.log2(link.weight);

type Placed = Map<number, { x: number; y: number; r: number; node: NetworkNode }>;

/**
 * The network drawn on a canvas: actors sized by their passages and mentions, coloured by kind, links as
 * thick as their weight. A click on an actor opens its page, on a link its passages. The same
 * network is in the Actor links table beside it, for the keyboard and screen readers.
 */
export function NetworkCanvas({ network, positions, chosenLink, onOpenActor, onChooseLink }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [hovered, setHovered] = useState<number | null>(null);
  const dark = usePrefersDark();

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry!.contentRect;
      setSize((previous) => (previous.width === box.width && previous.height === box.height ? previous : { width: box.width, height: box.height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const placed = useCallback((): Placed => {
    const points = [...positions.values()];
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((size.width - 2 * PADDING) / Math.max(1, maxX - minX), (size.height - 2 * PADDING) / Math.max(1, maxY - minY));
    const offsetX = (size.width - scale * (maxX - minX)) / 2;
    const offsetY = (size.height - scale * (maxY - minY)) / 2;
    const result: Placed = new Map();
    for (const node of network.nodes) {
      const p = positions.get(node.id);
      if (p) result.set(node.id, { x: offsetX + scale * (p.x - minX), y: offsetY + scale * (p.y - minY), r: radiusOf(node), node });
    }
    return result;
  }, [network, positions, size]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(size.width * ratio);
    element.height = Math.round(size.height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    const styles = getComputedStyle(element);
    const ink = styles.getPropertyValue('--ink').trim() || '#23211e';
    const rule = styles.getPropertyValue('--rule-strong').trim() || '#c4bdae';
    const accent = styles.getPropertyValue('--accent').trim() || '#1f5d8a';
    const at = placed();
    const isChosen = (link: NetworkLink) => chosenLink?.source === link.source && chosenLink.target === link.target;
    for (const link of network.links) {
      const a = at.get(link.source);
      const b = at.get(link.target);
      if (!a || !b) continue;
      const near = hovered !== null && (link.source === hovered || link.target === hovered);
      context.strokeStyle = isChosen(link) || near ? accent : rule;
      context.lineWidth = widthOf(link) + (isChosen(link) ? 2 : 0);
      context.beginPath();
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
      context.stroke();
    }
    const colours = KIND_COLOURS[dark ? 'dark' : 'light'];
    context.font = '12px Inter, system-ui, sans-serif';
    context.textBaseline = 'middle';
    for (const { x, y, r, node } of at.values()) {
      context.fillStyle = colours[node.kind];
      context.beginPath();
      context.arc(x, y, r, 0, 2 * Math.PI);
      context.fill();
      if (node.id === hovered) {
        context.strokeStyle = ink;
        context.lineWidth = 2;
        context.stroke();
      }
      context.fillStyle = ink;
      context.fillText(node.name, x + r + 4, y);
    }
  }, [network, placed, size, hovered, chosenLink, dark]);

  const hit = (event: MouseEvent<HTMLCanvasElement>): { node?: NetworkNode; link?: NetworkLink } => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const at = placed();
    for (const { x: nx, y: ny, r, node } of at.values()) if (Math.hypot(x - nx, y - ny) <= r + 3) return { node };
    for (const link of network.links) {
      const a = at.get(link.source);
      const b = at.get(link.target);
      if (a && b && distanceToSegment(x, y, a, b) <= widthOf(link) / 2 + 3) return { link };
    }
    return {};
  };

  return (
    <canvas
      ref={canvas}
      className="network-canvas"
      role="img"
      aria-label={`The actor network drawn: ${count(network.nodes.length, 'actor', 'actors')} and ${count(network.links.length, 'link', 'links')}. The Actor links table lists the same.`}
      style={{ cursor: hovered !== null ? 'pointer' : 'default' }}
      onPointerMove={(event) => setHovered(hit(event).node?.id ?? null)}
      onPointerLeave={() => setHovered(null)}
      onClick={(event) => {
        const { node, link } = hit(event);
        if (node) onOpenActor(node);
        else if (link) onChooseLink(link);
      }}
    />
  );
}

function distanceToSegment(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}

function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return dark;
}
