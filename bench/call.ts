import type { OpName, OpOutputs } from '../main/common/contract';
import type { Library } from '../main/core/db/library';
import { dispatch } from '../main/ops';

/** Through dispatch, as the app and the CLI call it, so validation and base64 are in the figures. */
export function call<N extends OpName>(library: Library, name: N, input: unknown): OpOutputs[N] {
  const result = dispatch({ library }, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as OpOutputs[N];
}

/** A file as the UI hands it to documents.import and documents.replace. */
export function upload(name: string, content: string): { name: string; base64: string } {
  return { name, base64: Buffer.from(content).toString('base64') };
}
