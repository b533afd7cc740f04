import { analysisFieldWording } from '../../common/hypotheses';
import type { SearchResults, Snippet } from '../../common/records';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { writeJson } from '../write-json';

export function runSearch({ library, io, operands, json }: CommandInput): number {
  // Words typed on a command line are complete: no prefix matching on the last one.
  const results = callOp(library, 'search.query', { query: `${operands.join(' ')} `, limit: 20 });
  if (json) {
    writeJson(io, results);
    return EXIT_OK;
  }
  io.stdout.write(formatResults(results));
  return EXIT_OK;
}

/** Matches are shown between [brackets], the terminal's <mark>. */
function plain(snippet: Snippet): string {
  return snippet.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');
}

/** The page or chapter after the title, as the app's search shows it. */
const at = (place: string | null) => (place === null ? '' : ` · ${place}`);

function formatResults(results: SearchResults): string {
  const groups: Array<[string, string[]]> = [
    ['Documents', results.documents.map((r) => `#${r.id} ${r.title}${at(r.place)}\n    ${plain(r.snippet)}`)],
    ['Highlights', results.highlights.map((r) => `#${r.id} in “${r.documentTitle}”${at(r.place)} (${r.colour})\n    ${plain(r.snippet)}`)],
    ['Notes', results.notes.map((r) => `#${r.id} ${r.title || 'Untitled'}\n    ${plain(r.snippet)}`)],
    ['Actors', results.actors.map((r) => `#${r.id} ${r.name} (${r.kind})\n    ${plain(r.snippet)}`)],
    ['Themes', results.themes.map((r) => `#${r.id} ${r.name}\n    ${plain(r.snippet)}`)],
    ['Analyses', results.analyses.map((r) => `#${r.id} ${r.name}\n    ${analysisFieldWording(r)}: ${plain(r.snippet)}`)],
  ];
  const shown = groups.filter(([, lines]) => lines.length > 0);
  if (shown.length === 0) return 'No results.\n';
  return shown.map(([heading, lines]) => `${heading}\n${lines.map((l) => `  ${l}`).join('\n')}\n`).join('\n');
}
