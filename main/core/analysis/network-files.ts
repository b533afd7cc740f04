import type { ExportedFile } from '../../common/records';
import type { ActorNetwork } from '../../common/network';
import { csvField } from '../export/highlights-csv';
import { xmlText } from '../export/xml-text';

/*
 * The network for the tools analysts draw graphs in. Nodes carry the actor's name as their label
 * and its kind, colour, passage and mention counts as attributes; links are undirected, weighted by
 * passages and paragraphs, with each count beside the weight.
 */

/** GraphML (yEd, Gephi, igraph, NetworkX). */
export function networkGraphml(network: ActorNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="colour" for="node" attr.name="colour" attr.type="string"/>',
    '  <key id="passages" for="node" attr.name="passages" attr.type="int"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="tagged" for="edge" attr.name="passages" attr.type="int"/>',
    '  <key id="paragraphs" for="edge" attr.name="paragraphs" attr.type="int"/>',
    '  <graph id="actors" edgedefault="undirected">',
  ];
  for (const node of network.nodes) {
    lines.push(
      `    <node id="a${node.id}">`,
      `      <data key="label">${xmlText(node.name)}</data>`,
      `      <data key="kind">${node.kind}</data>`,
      `      <data key="colour">${xmlText(node.colour)}</data>`,
      `      <data key="passages">${node.passages}</data>`,
      `      <data key="mentions">${node.mentions}</data>`,
      '    </node>',
    );
  }
  network.links.forEach((link, index) => {
    lines.push(
      `    <edge id="l${index + 1}" source="a${link.source}" target="a${link.target}"><data key="weight">${link.weight}</data>` +
        `<data key="tagged">${link.passages}</data><data key="paragraphs">${link.paragraphs}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** GEXF 1.3, Gephi's own format: the weight is the edge's, the colour Gephi's viz:color. */
export function networkGexf(network: ActorNetwork, generatedOn: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${generatedOn}"><creator>Fieldbook</creator><description>Actors tagged on the same passages</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="passages" title="passages" type="integer"/>',
    '      <attribute id="mentions" title="mentions" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="passages" title="passages" type="integer"/>',
    '      <attribute id="paragraphs" title="paragraphs" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of network.nodes) {
    const rgb = hexColour(node.colour);
    lines.push(
      `      <node id="a${node.id}" label="${xmlText(node.name)}">`,
      `        <attvalues><attvalue for="kind" value="${node.kind}"/><attvalue for="passages" value="${node.passages}"/><attvalue for="mentions" value="${node.mentions}"/></attvalues>`,
      ...(rgb ? [`        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>`] : []),
      `        <viz:size value="${node.passages + node.mentions}"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  network.links.forEach((link, index) => {
    lines.push(
      `      <edge id="l${index + 1}" source="a${link.source}" target="a${link.target}" weight="${link.weight}">` +
        `<attvalues><attvalue for="passages" value="${link.passages}"/><attvalue for="paragraphs" value="${link.paragraphs}"/></attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** The links as a spreadsheet (and Gephi's edge-table import): names, not ids, in the first columns. */
export function networkLinksCsv(network: ActorNetwork, options: { bom?: boolean } = {}): string {
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  const lines = ['Source,Target,Weight,Source kind,Target kind,Source id,Target id,Passages,Paragraphs'];
  for (const link of network.links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) continue;
    lines.push(
      [source.name, target.name, link.weight, source.kind, target.kind, source.id, target.id, link.passages, link.paragraphs]
        .map((cell) => csvField(String(cell)))
        .join(','),
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function hexColour(colour: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return match ? [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)] : null;
}

export function networkFile(network: ActorNetwork, format: 'graphml' | 'gexf' | 'csv', options: { bom?: boolean; now?: Date } = {}): ExportedFile {
  switch (format) {
    case 'graphml':
      return { fileName: 'Actor network.graphml', mediaType: 'application/graphml+xml', content: networkGraphml(network) };
    case 'gexf':
      return { fileName: 'Actor network.gexf', mediaType: 'application/gexf+xml', content: networkGexf(network, (options.now ?? new Date()).toISOString().slice(0, 10)) };
    case 'csv':
      return { fileName: 'Actor links.csv', mediaType: 'text/csv; charset=utf-8; header=present', content: networkLinksCsv(network, { bom: options.bom ?? true }) };
  }
}
