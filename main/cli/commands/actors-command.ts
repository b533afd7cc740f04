import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { formatTable, truncate } from '../format-table';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';
import { passageText } from '../passage-text';

export function runActors({ library, io, json }: CommandInput): number {
  const actors = callOp(library, 'actors.list', {});
  if (json) {
    writeJson(io, actors);
    return EXIT_OK;
  }
  if (actors.length === 0) {
    io.stdout.write('No actors yet.\n');
    return EXIT_OK;
  }
  io.stdout.write(
    formatTable(
      [{ header: 'ID', align: 'right' }, { header: 'NAME' }, { header: 'KIND' }, { header: 'TAGS', align: 'right' }, { header: 'ALIASES' }],
      actors.map((a) => [String(a.id), truncate(a.name, 40), a.kind, String(a.tagCount), truncate(a.aliases.join('; '), 60)]),
    ),
  );
  return EXIT_OK;
}

export function runActorPage({ library, io, operands, json }: CommandInput): number {
  const page = callOp(library, 'actors.page', { id: idFromArgument(operands[0]!) });
  if (json) {
    writeJson(io, page);
    return EXIT_OK;
  }
  const { actor } = page;
  const lines = [
    `${actor.name} (${actor.kind})`,
    ...(actor.aliases.length > 0 ? [`Also: ${actor.aliases.join('; ')}`] : []),
    ...(actor.description ? [actor.description] : []),
    '',
    `Passages (${page.passageCount})`,
    ...page.passages.map((p) => `  ${passageText(p.highlight)} — ${p.documentTitle}`),
    '',
    `Notes (${page.notes.length})`,
    ...page.notes.map((n) => `  #${n.id} ${n.title || 'Untitled'}`),
    '',
    'Appears with',
    ...page.cooccurring.map((c) => `  ${c.actor.name} — ${c.count} passage${c.count === 1 ? '' : 's'}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
