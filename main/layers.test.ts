/** Lints probe files placed in each layer: every forbidden import fails lint, every allowed one passes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layer-rule messages for a probe file at `file` (relative to the root) holding one import. */
async function layerErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'fieldbook/layers').map((m) => m.message);
}

const forbidden: Array<[layer: string, probe: string, specifier: string]> = [
  ['renderer', 'renderer/probe.tsx', '../main/host/server'],
  ['renderer', 'renderer/probe.tsx', '../main/ops'],
  ['renderer', 'renderer/probe.tsx', '../main/core/db/library'],
  ['renderer', 'renderer/probe.tsx', '../main/shell/main'],
  ['renderer', 'renderer/probe.tsx', '../main/cli/cli'],
  ['renderer', 'renderer/probe.tsx', '../preload/index'],
  ['renderer', 'renderer/components/probe.tsx', '../../main/core/actors/fold-name'],
  ['renderer', 'renderer/probe.tsx', 'electron'],
  ['renderer', 'renderer/probe.tsx', 'better-sqlite3'],
  ['renderer', 'renderer/probe.tsx', 'node:fs'],
  ['core', 'main/core/probe.ts', '../ops'],
  ['core', 'main/core/notes/probe.ts', '../../ops'],
  ['core', 'main/core/probe.ts', '../shell/main'],
  ['core', 'main/core/probe.ts', '../host/server'],
  ['core', 'main/core/probe.ts', '../cli/cli'],
  ['core', 'main/core/probe.ts', '../testing/temp-library'],
  ['core', 'main/core/probe.ts', '../../renderer/App'],
  ['core', 'main/core/probe.ts', 'react'],
  ['core', 'main/core/probe.ts', 'lexical'],
  ['core', 'main/core/probe.ts', 'electron'],
  ['common', 'main/common/probe.ts', '../core/db/library'],
  ['common', 'main/common/probe.ts', '../ops'],
  ['common', 'main/common/probe.ts', 'node:fs'],
  ['common', 'main/common/probe.ts', 'react'],
  ['preload', 'preload/probe.ts', '../main/ops'],
  ['preload', 'preload/probe.ts', '../main/core/db/library'],
  ['preload', 'preload/probe.ts', '../main/host/server'],
  ['preload', 'preload/probe.ts', '../renderer/App'],
  ['preload', 'preload/probe.ts', 'node:fs'],
  ['shell', 'main/shell/probe.ts', '../host/server'],
  ['shell', 'main/shell/probe.ts', '../cli/cli'],
  ['shell', 'main/shell/probe.ts', '../../renderer/App'],
  ['host', 'main/host/probe.ts', '../shell/main'],
  ['host', 'main/host/probe.ts', '../cli/cli'],
  ['host', 'main/host/probe.ts', 'electron'],
  ['cli', 'main/cli/probe.ts', '../host/server'],
  ['cli', 'main/cli/probe.ts', '../shell/main'],
  ['cli', 'main/cli/commands/probe.ts', 'electron'],
  ['service', 'main/service/probe.ts', '../shell/main'],
  ['service', 'main/service/probe.ts', '../host/server'],
  ['service', 'main/service/probe.ts', '../cli/cli'],
  ['service', 'main/service/probe.ts', 'electron'],
  ['service', 'main/service/probe.ts', 'react'],
  ['core', 'main/core/probe.ts', '../service/core-service'],
  ['renderer', 'renderer/probe.tsx', '../main/service/in-process-core'],
  ['ops', 'main/ops.ts', './shell/main'],
  ['ops', 'main/ops.ts', './host/server'],
];

const allowed: Array<[layer: string, probe: string, specifier: string]> = [
  ['renderer', 'renderer/probe.tsx', '../main/common/contract'],
  ['renderer', 'renderer/components/probe.tsx', './Button'],
  ['renderer', 'renderer/probe.tsx', 'react'],
  ['core', 'main/core/probe.ts', '../common/contract'],
  ['core', 'main/core/probe.ts', './db/library'],
  ['core', 'main/core/probe.ts', 'node:fs'],
  ['core test', 'main/core/notes/probe.test.ts', '../../ops'],
  ['preload', 'preload/probe.ts', '../main/common/contract'],
  ['preload', 'preload/probe.ts', 'electron'],
  ['shell', 'main/shell/probe.ts', '../ops'],
  ['shell', 'main/shell/probe.ts', '../core/db/library'],
  ['shell', 'main/shell/probe.ts', 'electron'],
  ['host', 'main/host/probe.ts', '../ops'],
  ['host', 'main/host/probe.ts', '../common/contract'],
  ['cli', 'main/cli/probe.ts', '../core/open-library'],
  ['service', 'main/service/probe.ts', '../ops'],
  ['service', 'main/service/probe.ts', '../core/changes/change-feed'],
  ['host', 'main/host/probe.ts', '../service/core-service'],
  ['shell', 'main/shell/probe.ts', '../service/in-process-core'],
];

describe('layers', () => {
  it.each(forbidden)('%s (%s) may not import %s', async (_layer, probe, specifier) => {
    expect(await layerErrors(probe, specifier)).toHaveLength(1);
  });

  it.each(allowed)('%s (%s) may import %s', async (_layer, probe, specifier) => {
    expect(await layerErrors(probe, specifier)).toEqual([]);
  });
});
