import { describe, expect, it } from 'vitest';
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../../common/note-format';
import { body, paragraph, text } from '../../testing/temp-library';
import { MAX_CONTEXT, referenceContext } from './reference-context';

const TARGET = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0007';
const OTHER = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0008';
const MERGED = '5b0c1d4e-7a1f-4c55-9e0e-3f1f2a7d0009';
const link = (noteUid: string | null, title: string) => ({ type: NOTE_LINK_NODE, version: 1, noteUid, title });
const mention = (actorUid: string, name: string) => ({ type: ACTOR_MENTION_NODE, version: 1, actorUid, name });
const heading = (...children: unknown[]) => ({ type: 'heading', tag: 'h1', version: 1, children });

const noteContext = (root: { root: unknown }) => referenceContext(root.root, 'note', new Set([TARGET]));

describe('the words around a reference, for a backlink', () => {
  it('is the sentence holding the link, not the note’s first line', () => {
    const note = body(
      heading(text('Conditions for sanctuary')),
      paragraph(text('Three conditions matter. See '), link(TARGET, 'Logistics'), text(' for the supply routes. Protection comes after.')),
    );
    expect(noteContext(note)).toBe('See Logistics for the supply routes.');
  });

  it('is the first sentence to name the target, past links to other notes', () => {
    const note = body(paragraph(link(OTHER, 'Routes'), text(' first. Then '), link(TARGET, 'Logistics'), text('! And '), link(TARGET, 'Logistics'), text(' again.')));
    expect(noteContext(note)).toBe('Then Logistics!');
  });

  it('keeps a title with a full stop in it whole, taking in both sentences it touches', () => {
    const note = body(paragraph(text('Before. As '), link(TARGET, 'Mali. Part two'), text(' says. After.')));
    expect(noteContext(note)).toBe('As Mali. Part two says.');
  });

  it('finds a mention by any uid the actor goes by (a merged actor’s among them)', () => {
    const note = body(paragraph(text('Nothing here.')), paragraph(text('Raids by '), mention(MERGED, 'AQMI'), text(' rose in 2012. Later ones fell.')));
    expect(referenceContext(note.root, 'actor', new Set([OTHER, MERGED]))).toBe('Raids by @AQMI rose in 2012.');
    expect(referenceContext(note.root, 'note', new Set([MERGED]))).toBeNull();
  });

  it('is the quoted passage for a quote, which names its highlight and its document', () => {
    const quote = { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: TARGET, documentUid: OTHER, documentTitle: 'An article', quote: 'A passage.' };
    const note = body(paragraph(text('Intro.')), quote);
    expect(referenceContext(note.root, 'highlight', new Set([TARGET]))).toBe('A passage. — An article');
    expect(referenceContext(note.root, 'document', new Set([OTHER]))).toBe('A passage. — An article');
  });

  it('cuts a long sentence around the link, with an ellipsis where it cut', () => {
    const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
    const note = body(paragraph(text(`${words(60, 'before')} `), link(TARGET, 'Logistics'), text(` ${words(60, 'after')}.`)));
    const context = noteContext(note)!;
    expect(context.length).toBeLessThanOrEqual(MAX_CONTEXT);
    expect(context).toMatch(/^…before .* Logistics after .*…$/);
    // About as much on each side.
    const [left, right] = context.split('Logistics') as [string, string];
    expect(Math.abs(left.length - right.length)).toBeLessThan(10);
  });

  it('is null when the body does not refer to the target', () => {
    expect(noteContext(body(paragraph(text('See '), link(null, 'Nowhere'), text('.'))))).toBeNull();
  });
});
