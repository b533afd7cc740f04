import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Everything renderer/main.tsx imports statically is in the one file the page parses and runs before it
 * can paint anything. The note editor (Lexical), the zip writer (fflate) and the note format's
 * schemas (zod) are loaded when first needed (import()), so opening a document never waits for
 * them; this guards against a static import pulling them back in.
 */
const RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?'([^']+)';/gm;

function resolveModule(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The files and packages reachable from `entry` through static imports (type-only imports left out). */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (!specifier!.startsWith('.')) {
        packages.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
        continue;
      }
      const resolved = resolveModule(file, specifier!);
      if (!resolved) throw new Error(`${path.relative(RENDERER, file)} imports ${specifier}, which was not found`);
      pending.push(resolved);
    }
  }
  return { files, packages };
}

describe('the code that runs before the first screen', () => {
  const startup = staticImports(path.join(RENDERER, 'main.tsx'));

  it('holds the reader', () => {
    expect(startup.files).toContain(path.join(RENDERER, 'reader', 'Reader.tsx'));
    expect(startup.packages).toContain('react-dom');
  });

  it('leaves out the note editor and its Lexical packages', () => {
    expect([...startup.packages].filter((name) => name === 'lexical' || name.startsWith('@lexical/'))).toEqual([]);
    expect([...startup.files].map((file) => path.relative(RENDERER, file)).filter((file) => file.startsWith(`editor${path.sep}`))).toEqual([]);
  });

  it('leaves out the note and actor pages, which load when shown', () => {
    expect(startup.files).not.toContain(path.join(RENDERER, 'notes', 'NoteView.tsx'));
    expect(startup.files).not.toContain(path.join(RENDERER, 'actors', 'ActorPageView.tsx'));
  });

  it('leaves out the zip writer, which builds its tables as it loads', () => {
    expect(startup.packages).not.toContain('fflate');
  });

  it('leaves out zod: the page never validates, the core does', () => {
    expect(startup.packages).not.toContain('zod');
  });
});

describe('the script that asks for the opening document (renderer/early-start.ts)', () => {
  const early = staticImports(path.join(RENDERER, 'early-start.ts'));

  it('is a few modules, so it runs while the app’s code is still loading', () => {
    // React only for the route's hooks; react-dom, the reader and the app stay out.
    expect([...early.packages]).toEqual(['react']);
    expect([...early.files].map((file) => path.relative(RENDERER, file).split(path.sep).join('/')).sort()).toEqual([
      '../main/common/progress.ts',
      'api/change-arrivals.ts',
      'api/change-stream-reader.ts',
      'api/client.ts',
      'api/host-secret.ts',
      'api/http-transport.ts',
      'early-start.ts',
      'reader/early-open.ts',
      'route.ts',
    ]);
  });
});
