/** A fresh library in a temporary folder, with the bundled article, for tests. Used by tests only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpError, OpName, OpOutputs } from '../common/contract';
import type { RestoreAnswer, RestoreReport } from '../common/records';
import { dispatch } from '../ops';
import type { Library } from '../core/db/library';
import { openLibrary } from '../core/open-library';
import { packageResourcesDir } from '../core/resources-dir';

export interface TempLibrary {
  dir: string;
  library: Library;
  /** Calls an operation through the table and returns its value, throwing its error when it fails. */
  call<N extends OpName>(name: N, input: unknown): OpOutputs[N];
  /** Calls an operation that must fail, and returns its error. */
  errorOf(name: string, input: unknown): OpError;
  /** Opens another library in the same folder (closed by cleanup). */
  open(name: string): Library;
  cleanup(): void;
}

export function tempLibrary(prefix = 'fieldbook-test-'): TempLibrary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const opened: Library[] = [];
  const open = (name: string) => {
    const library = openLibrary(path.join(dir, name), { resourcesDir: packageResourcesDir() });
    opened.push(library);
    return library;
  };
  const library = open('library.sqlite');
  return {
    dir,
    library,
    open,
    call: (name, input) => callOn(library, name, input),
    errorOf: (name, input) => errorOn(library, name, input),
    cleanup: () => {
      for (const each of opened) each.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function callOn<N extends OpName>(library: Library, name: N, input: unknown): OpOutputs[N] {
  const result = dispatch({ library }, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as OpOutputs[N];
}

/** A restore's report, for a test whose archive carries every file it names: a request for files fails it. */
export function restored(answer: RestoreAnswer): RestoreReport {
  if ('filesNeeded' in answer) throw new Error(`the restore asked for files: ${answer.filesNeeded.map((file) => file.fileName ?? file.title).join(', ')}`);
  return answer;
}

export function errorOn(library: Library, name: string, input: unknown): OpError {
  const result = dispatch({ library }, name, input);
  if (result.ok) throw new Error(`${name} was expected to fail, and succeeded`);
  return result.error;
}

/** Lexical serialized nodes, as the editor writes them, for notes in tests. */
export const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' });
export const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });
export const body = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } });
