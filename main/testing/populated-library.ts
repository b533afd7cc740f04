/** A library with one of everything the exports must carry, built through the ops as a user would. Used by tests only. */
import { ACTOR_MENTION_NODE, HIGHLIGHT_QUOTE_NODE, NOTE_LINK_NODE } from '../common/note-format';
import type { OpName, OpOutputs } from '../common/contract';
import type { Library } from '../core/db/library';
import { importFile } from '../core/import/import-document';
import { body, callOn, paragraph, text } from './temp-library';

export { body, callOn, paragraph, tempLibrary, text, type TempLibrary } from './temp-library';

const FIELD_NOTES_V1 = `# Field notes from Gao

The convoy left *Gao* at dawn, heading north towards Kidal.

A commander of AQIM said the roads were "safe, for now".

The market reopened on Tuesday.
`;
const FIELD_NOTES_V2 = `# Field notes from Gao

The convoy left *Gao* at dawn, heading north towards Kidal.

The market reopened on Tuesday.
`;

export interface Fixture {
  article: OpOutputs['documents.get'];
  fieldNotes: OpOutputs['documents.get'];
  aqim: OpOutputs['actors.create'];
  mali: OpOutputs['actors.merge'];
  belmokhtar: OpOutputs['actors.create'];
  highlights: { timbuktu: OpOutputs['highlights.create']; overlap: OpOutputs['highlights.create']; orphan: OpOutputs['highlights.create']; convoy: OpOutputs['highlights.create']; deleted: OpOutputs['highlights.create'] };
  notes: { target: OpOutputs['notes.create']; reading: OpOutputs['notes.create']; deleted: OpOutputs['notes.create'] };
}

/** Two documents, overlapping, orphaned and deleted highlights, merged actors with aliases, notes with every kind of link. */
export function populate(library: Library): Fixture {
  const call = <N extends OpName>(name: N, input: unknown) => callOn(library, name, input);
  const [articleSummary] = call('documents.list', {});
  const article = call('documents.get', { id: articleSummary!.id });
  const imported = importFile(library, 'field-notes.md', Buffer.from(FIELD_NOTES_V1));
  if (imported.status !== 'imported') throw new Error('field notes were not imported');

  const aqim = call('actors.create', { name: 'AQIM', kind: 'group', aliases: ['Al-Qaeda in the Islamic Maghreb'], description: 'Jihadist group "active" in the Sahel.\nFormerly GSPC.' });
  const mali = call('actors.create', { name: 'Mali', kind: 'state', aliases: ['Malian state'] });
  const republic = call('actors.create', { name: 'Republic of Mali', kind: 'state', aliases: ['RM'] });
  const belmokhtar = call('actors.create', { name: 'Mokhtar Belmokhtar', kind: 'person', aliases: ['MBM', 'Laaouar'] });

  const at = (doc: { text: string }, phrase: string) => {
    const start = doc.text.indexOf(phrase);
    if (start < 0) throw new Error(`phrase not found: ${phrase}`);
    return { start, end: start + phrase.length };
  };
  const timbuktu = call('highlights.create', {
    documentId: article.id,
    ...at(article, 'According to a document found in Timbuktu'),
    colour: 'yellow',
    comment: 'Key source, "General instructions";\nsee also Wadoud.',
  });
  const overlap = call('highlights.create', { documentId: article.id, ...at(article, 'found in Timbuktu entitled General instructions'), colour: 'blue' });
  const deleted = call('highlights.create', { documentId: article.id, ...at(article, 'persecuted women'), colour: 'red' });
  call('highlights.delete', { id: deleted.id });

  let fieldNotes = call('documents.get', { id: imported.document.id });
  const orphan = call('highlights.create', { documentId: fieldNotes.id, ...at(fieldNotes, 'A commander of AQIM said the roads were'), colour: 'purple', comment: 'Unverified' });
  const convoy = call('highlights.create', { documentId: fieldNotes.id, ...at(fieldNotes, 'heading north towards Kidal'), colour: 'green' });
  call('highlights.tag', { highlightId: timbuktu.id, actorId: aqim.id });
  call('highlights.tag', { highlightId: timbuktu.id, actorId: republic.id });
  call('highlights.tag', { highlightId: overlap.id, actorId: aqim.id });
  call('highlights.tag', { highlightId: orphan.id, actorId: aqim.id });
  call('highlights.tag', { highlightId: convoy.id, actorId: belmokhtar.id });
  call('highlights.tag', { highlightId: convoy.id, actorId: aqim.id });
  const merged = call('actors.merge', { keepId: mali.id, mergeId: republic.id });

  const report = call('documents.replace', { id: fieldNotes.id, file: { name: 'field-notes.md', base64: Buffer.from(FIELD_NOTES_V2).toString('base64') } });
  if (report.orphaned !== 1) throw new Error(`expected one orphan, got ${JSON.stringify(report)}`);
  fieldNotes = call('documents.get', { id: fieldNotes.id });

  const target = call('notes.create', { title: 'Sanctuaries' });
  call('notes.save', { id: target.id, title: 'Sanctuaries', body: body(paragraph(text('Where groups hide.'))) });
  const reading = call('notes.create', { title: 'Reading notes: Mali/Sahel?' });
  call('notes.save', {
    id: reading.id,
    title: 'Reading notes: Mali/Sahel?',
    body: body(
      { type: 'heading', tag: 'h2', version: 1, children: [text('Summary')] },
      paragraph(text('Plain, '), text('bold', 1), text(' and '), text('italic', 2), text(' and '), text('gone', 4), text(' and '), text('code()', 16), text('.')),
      paragraph(text('See '), { type: NOTE_LINK_NODE, version: 1, noteUid: target.uid, title: 'Old title' }, text(' and ask '), { type: ACTOR_MENTION_NODE, version: 1, actorUid: aqim.uid, name: 'AQIM' }, text('.')),
      { type: 'list', listType: 'bullet', start: 1, tag: 'ul', version: 1, children: [
        { type: 'listitem', value: 1, version: 1, children: [text('first point')] },
        { type: 'listitem', value: 2, version: 1, children: [{ type: 'list', listType: 'bullet', start: 1, tag: 'ul', version: 1, children: [{ type: 'listitem', value: 1, version: 1, children: [text('nested point')] }] }] },
      ] },
      { type: 'list', listType: 'number', start: 3, tag: 'ol', version: 1, children: [
        { type: 'listitem', value: 3, version: 1, children: [text('third')] },
        { type: 'listitem', value: 4, version: 1, children: [text('fourth')] },
      ] },
      { type: 'list', listType: 'check', start: 1, tag: 'ul', version: 1, children: [
        { type: 'listitem', value: 1, checked: true, version: 1, children: [text('read the report')] },
        { type: 'listitem', value: 2, checked: false, version: 1, children: [text('call <Bamako> & co')] },
      ] },
      { type: 'quote', version: 1, children: [text('A quoted thought')] },
      { type: 'horizontalrule', version: 1 },
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: timbuktu.uid, documentUid: article.uid, documentTitle: article.title, quote: timbuktu.exact },
      { type: HIGHLIGHT_QUOTE_NODE, version: 1, highlightUid: convoy.uid, documentUid: fieldNotes.uid, documentTitle: fieldNotes.title, quote: convoy.exact },
    ),
  });
  const deletedNote = call('notes.create', { title: 'Discarded idea' });
  call('notes.save', { id: deletedNote.id, title: 'Discarded idea', body: body(paragraph({ type: ACTOR_MENTION_NODE, version: 1, actorUid: belmokhtar.uid, name: 'Mokhtar Belmokhtar' })) });
  call('notes.delete', { id: deletedNote.id });

  return {
    article,
    fieldNotes,
    aqim,
    mali: merged,
    belmokhtar,
    highlights: { timbuktu, overlap, orphan, convoy, deleted },
    notes: { target, reading, deleted: deletedNote },
  };
}
