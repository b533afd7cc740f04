/**
 * A process that writes to a library through the operations table as fast as it can and says
 * "ack" only after each write has returned, i.e. committed. crash-safety.test.ts kills it with
 * SIGKILL at random moments and checks that every acknowledged write survived.
 * Usage: node --import tsx crash-writer.fixture.ts LIBRARY_FILE SEED (the test runs it bundled)
 */
import { NOTE_LINK_NODE } from '../../common/note-format';
import { dispatch } from '../../ops';
import { openLibrary } from '../open-library';
import { packageResourcesDir } from '../resources-dir';

const [file, seedArg] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-writer.fixture.ts LIBRARY_FILE SEED');
const library = openLibrary(file, { resourcesDir: packageResourcesDir() });
let seed = Number(seedArg ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function call(name: string, input: unknown): { id: number } & Record<string, unknown> {
  const result = dispatch({ library }, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as { id: number } & Record<string, unknown>;
}

const doc = (call('documents.list', {}) as unknown as Array<{ id: number }>)[0]!;
const { text } = call('documents.get', { id: doc.id }) as unknown as { text: string };
const ack = (line: string) => process.stdout.write(`ack ${line}\n`);
process.stdout.write('ready\n');

let previous: number | undefined;
for (let i = 0; ; i++) {
  const start = Math.floor(random() * (text.length - 60));
  const end = start + 5 + Math.floor(random() * 50);
  if (text.slice(start, end).trim().length === 0) continue;
  const highlight = call('highlights.create', { documentId: doc.id, start, end, colour: 'yellow' });
  ack(`highlight ${highlight.id} ${start} ${end}`);

  if (previous !== undefined) {
    call('highlights.update', { id: previous, comment: `comment ${i}` });
    ack(`comment ${previous} ${i}`);
  }
  previous = highlight.id;

  const note = call('notes.create', { title: `Note ${i}` });
  const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, children });
  const body = {
    root: {
      type: 'root',
      version: 1,
      children: [
        paragraph([{ type: 'text', version: 1, text: `body ${i}`, format: 0 }]),
        paragraph([{ type: NOTE_LINK_NODE, version: 1, noteUid: note.uid, title: `Note ${i}` }]),
      ],
    },
  };
  call('notes.save', { id: note.id, title: `Note ${i}`, body });
  ack(`note ${note.id} ${i}`);
}
