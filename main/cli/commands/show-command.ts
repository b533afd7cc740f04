import { gradeText } from '../../common/admiralty';
import type { DocumentFull } from '../../common/records';
import { callOp } from '../call-op';
import { EXIT_OK } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

export function runShow({ library, io, operands, json }: CommandInput): number {
  const typed = operands[0]!;
  const { html: _html, ...document } = callOp(library, 'documents.get', { id: idFromArgument(typed) });
  if (json) {
    // The sanitised HTML is for the reader view; on a terminal, the plain text is the document.
    writeJson(io, document);
    return EXIT_OK;
  }
  io.stdout.write(`${metadataLines(document).join('\n')}\n\n${document.text}\n`);
  return EXIT_OK;
}

function metadataLines(document: Omit<DocumentFull, 'html'>): string[] {
  const fields: [string, string | number | null][] = [
    ['Id', document.id],
    ['Title', document.title],
    ['Byline', document.byline],
    ['Source', document.sourceUrl],
    ['File', document.fileName],
    ['Format', document.format],
    ['Words', document.wordCount],
    ['Grade', gradeText(document.reliability ?? null, document.credibility ?? null)],
    ['Imported', document.importedAt],
    ['Updated', document.updatedAt],
  ];
  return fields.filter(([, value]) => value !== null).map(([label, value]) => `${`${label}:`.padEnd(10)}${value}`);
}
