import { z } from 'zod';
import { isId } from './ids';

/**
 * Fieldbook's own Lexical nodes, as they appear in a note's serialized state. The core reads
 * them to keep the note's links (and so every backlink) true; the renderer's node classes write them.
 */
export const NOTE_LINK_NODE = 'fb-note-link'; // { noteId, title }: title as it was when linked
export const ACTOR_MENTION_NODE = 'fb-actor-mention'; // { actorId, name }
export const HIGHLIGHT_QUOTE_NODE = 'fb-highlight-quote'; // { highlightId, documentId, documentTitle, quote }

/** The ids each of Fieldbook's nodes holds, by field, and what kind of row each names. */
export const NODE_REFERENCES: Readonly<Record<string, Readonly<Record<string, 'note' | 'highlight' | 'actor' | 'document'>>>> = {
  [NOTE_LINK_NODE]: { noteId: 'note' },
  [ACTOR_MENTION_NODE]: { actorId: 'actor' },
  [HIGHLIGHT_QUOTE_NODE]: { highlightId: 'highlight', documentId: 'document' },
};

/**
 * The field of one of Fieldbook's nodes whose id breaks the rule, if any. Absent, null or 0 is
 * a reference to nothing (a link whose target is gone, as the editor and a merging restore write it).
 */
export function badNodeReference(node: { type?: unknown; [field: string]: unknown }): string | null {
  const fields = typeof node.type === 'string' && Object.hasOwn(NODE_REFERENCES, node.type) ? NODE_REFERENCES[node.type]! : {};
  for (const field of Object.keys(fields)) {
    const value = node[field];
    if (value !== undefined && value !== null && value !== 0 && !isId(value)) return field;
  }
  return null;
}

const LexicalNodeJson: z.ZodType<{ type: string; children?: unknown[] }> = z.lazy(() =>
  z.looseObject({ type: z.string().min(1), children: z.array(LexicalNodeJson).optional() }).superRefine((node, ctx) => {
    const field = badNodeReference(node);
    if (field) ctx.addIssue({ code: 'custom', path: [field], message: `The ${field} of a ${node.type} node must be a whole number from 1 to 9007199254740991.` });
  }),
);
/** Its size (at most MAX_NOTE_BYTES) is checked where it is serialised for storage, to serialise it once. */
export const LexicalState = z.looseObject({ root: z.looseObject({ type: z.literal('root'), children: z.array(LexicalNodeJson) }) });
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export type NoteBody = z.output<typeof LexicalState>;
