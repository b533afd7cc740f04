import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate } from '../format-table';
import { gradeFilterFromOptions } from '../grade-arguments';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

/**
 * `network [--json] [--min-weight N] [--kind K,K] [--document ID] [--collection ID] [--from DATE] [--to DATE]
 * [--reliability A,B] [--credibility 1,2]`:
 * who appears with whom. Values go to the operation as typed, so its own messages say what is wrong.
 */
export function runNetwork({ library, io, json, options }: CommandInput): number {
  const network = callOp(library, 'analysis.network', {
    ...(options['min-weight'] !== undefined && { minWeight: idFromArgument(options['min-weight']) }),
    ...(options.kind !== undefined && { kinds: options.kind.split(',').map((kind) => kind.trim()) }),
    ...(options.document !== undefined && { documentId: idFromArgument(options.document) }),
    ...(options.collection !== undefined && { collectionId: idFromArgument(options.collection) }),
    ...(options.from !== undefined && { publishedFrom: options.from }),
    ...(options.to !== undefined && { publishedTo: options.to }),
    ...gradeFilterFromOptions(options),
  });
  if (json) {
    writeJson(io, {
      nodes: network.nodes.map(({ id, name, kind, passages }) => ({ id, name, kind, passages })),
      // The shape the issue names: the weight counts tagged passages and paragraphs naming both.
      links: network.links.map(({ source, target, weight }) => ({ source, target, weight })),
    });
    return EXIT_OK;
  }
  if (network.nodes.length === 0) {
    io.stdout.write('No actor is tagged on a passage or has an accepted mention yet.\n');
    return EXIT_OK;
  }
  const name = new Map(network.nodes.map((node) => [node.id, node.name]));
  io.stdout.write(
    formatTable(
      [{ header: 'ID', align: 'right' }, { header: 'ACTOR' }, { header: 'KIND' }, { header: 'PASSAGES', align: 'right' }, { header: 'MENTIONS', align: 'right' }],
      network.nodes.map((node) => [String(node.id), truncate(node.name, 50), node.kind, String(node.passages), String(node.mentions)]),
    ),
  );
  io.stdout.write('\n');
  if (network.links.length === 0) {
    io.stdout.write('No two actors share a passage or a paragraph.\n');
    return EXIT_OK;
  }
  io.stdout.write(
    formatTable(
      [{ header: 'ACTOR' }, { header: 'ACTOR' }, { header: 'WEIGHT', align: 'right' }, { header: 'PASSAGES', align: 'right' }, { header: 'PARAGRAPHS', align: 'right' }],
      network.links.map((link) => [
        truncate(name.get(link.source) ?? '', 40),
        truncate(name.get(link.target) ?? '', 40),
        String(link.weight),
        String(link.passages),
        String(link.paragraphs),
      ]),
    ),
  );
  return EXIT_OK;
}
