import { gradeText } from '../../common/admiralty';
import type { DocumentSummary, Highlight } from '../../common/records';
import { callOp } from '../call-op';
import { EXIT_OK, usageError } from '../cli-io';
import type { CommandInput } from '../command-specs';
import { credibilityFromArgument, reliabilityFromArgument } from '../grade-arguments';
import { idFromArgument } from '../id-argument';
import { writeJson } from '../write-json';

/**
 * `grade ID [--reliability A-F|none] [--credibility 1-6|none]` grades document ID as a source;
 * `grade --highlight ID --credibility 1-6|none` gives one passage a credibility of its own (none:
 * its document's again). Prints the grade as it now stands.
 */
export function runGrade({ library, io, operands, json, options }: CommandInput): number {
  if (options.highlight !== undefined) {
    if (operands.length > 0) throw usageError('grade takes a document ID or --highlight ID, not both.');
    if (options.reliability !== undefined) throw usageError('a passage takes its reliability from its document: grade the document instead.');
    if (options.credibility === undefined) throw usageError('grade --highlight needs --credibility (1 to 6, or none).');
    const highlight = callOp(library, 'highlights.grade', {
      id: idFromArgument(options.highlight),
      credibility: credibilityFromArgument(options.credibility),
    });
    if (json) writeJson(io, highlightGrade(highlight));
    else io.stdout.write(`Highlight ${highlight.id}: ${describePassage(highlight)}\n`);
    return EXIT_OK;
  }
  const typed = operands[0];
  if (typed === undefined) throw usageError('grade needs a document ID (or --highlight ID).');
  if (options.reliability === undefined && options.credibility === undefined) {
    throw usageError('grade needs --reliability (A to F), --credibility (1 to 6) or both; "none" clears one.');
  }
  const document = callOp(library, 'documents.grade', {
    id: idFromArgument(typed),
    ...(options.reliability !== undefined && { reliability: reliabilityFromArgument(options.reliability) }),
    ...(options.credibility !== undefined && { credibility: credibilityFromArgument(options.credibility) }),
  });
  if (json) writeJson(io, documentGrade(document));
  else io.stdout.write(`Document ${document.id} “${document.title}”: ${describeDocument(document)}\n`);
  return EXIT_OK;
}

const documentGrade = (document: DocumentSummary) => ({
  id: document.id,
  reliability: document.reliability ?? null,
  credibility: document.credibility ?? null,
});

const highlightGrade = (highlight: Highlight) => ({ id: highlight.id, credibility: highlight.credibility ?? null, grade: highlight.grade });

const describeDocument = (document: DocumentSummary) =>
  gradeText(document.reliability ?? null, document.credibility ?? null) ?? 'not graded';

function describePassage(highlight: Highlight): string {
  const grade = highlight.grade ? gradeText(highlight.grade.reliability, highlight.grade.credibility) : null;
  if (grade === null) return 'not graded';
  return highlight.grade?.credibilityFromDocument ? `${grade}, its credibility its document’s` : grade;
}
