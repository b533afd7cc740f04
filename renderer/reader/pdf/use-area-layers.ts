import { useCallback, useState } from 'react';

const LAYER_CLASS = 'pdf-area-layer';

/**
 * One element over each drawn page for its area highlights. pdf.js clears a page's own elements
 * when it draws it again (zoom) or lets it go (far from view), so the layer is put back each time
 * the page is drawn, and the marks are rendered into whichever layer is on the page now.
 */
export function useAreaLayers() {
  const [layers, setLayers] = useState<ReadonlyMap<number, HTMLElement>>(new Map());
  const pageDrawn = useCallback((pageNumber: number, page: HTMLElement) => {
    let layer = page.querySelector<HTMLElement>(`:scope > .${LAYER_CLASS}`);
    if (!layer) {
      layer = page.ownerDocument.createElement('div');
      layer.className = LAYER_CLASS;
      page.append(layer);
    }
    const drawn = layer;
    setLayers((current) => {
      if (current.get(pageNumber) === drawn) return current;
      const next = new Map([...current].filter(([, element]) => element.isConnected));
      next.set(pageNumber, drawn);
      return next;
    });
  }, []);
  return { layers, pageDrawn };
}
