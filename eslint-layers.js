/**
 * Fieldbook's layers, as lint enforces them. Each layer names what it may import (an allow-list):
 * a relative import is resolved to the file it reaches and refused unless that file's layer is
 * listed; a package import is refused when the layer forbids it. The README draws the same table.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const NODE_BUILTIN = /^node:/;
const UI = /^(react|react-dom|lexical|@lexical\/.*)$/;
const ELECTRON = /^electron$/;
const STORAGE = /^better-sqlite3$/;

/** Where each layer lives, most specific first (paths relative to the repository's root, '/'-separated). */
const LAYER_PATHS = [
  ['common', /^main\/common\//],
  ['core', /^main\/core\//],
  ['ops', /^main\/ops\.ts$/],
  ['service', /^main\/service\//],
  ['testing', /^main\/testing\//],
  ['shell', /^main\/shell\//],
  ['host', /^main\/host\//],
  ['cli', /^main\/cli\//],
  ['preload', /^preload\//],
  ['renderer', /^renderer\//],
];

/** What each layer may import: layers by name, and packages it must not use. */
export const LAYERS = {
  common: { may: ['common'], packagesRefused: [NODE_BUILTIN, UI, ELECTRON, STORAGE], why: 'main/common/ is the pure contract: it imports nothing but itself and zod.' },
  core: {
    may: ['core', 'common'],
    // A core test may drive the core through the door, as a caller would.
    testsMay: ['ops', 'testing'],
    packagesRefused: [UI, ELECTRON],
    why: 'main/core/ is the library: nothing above it (ops, shell, host, cli), no React, no Electron.',
  },
  ops: { may: ['core', 'common'], packagesRefused: [UI, ELECTRON], why: 'main/ops.ts is the door into the core: it imports the core and the contract.' },
  service: {
    may: ['service', 'ops', 'core', 'common'],
    testsMay: ['testing'],
    packagesRefused: [UI, ELECTRON],
    why: 'main/service/ runs the core (in this thread or a worker) for the shell and the host: it imports main/ops, main/core and main/common.',
  },
  testing: { may: ['core', 'common', 'ops', 'testing'], packagesRefused: [UI, ELECTRON], why: 'main/testing/ drives the core through main/ops.' },
  shell: { may: ['shell', 'service', 'ops', 'core', 'common'], packagesRefused: [UI], why: 'main/shell/ may import main/ops, main/core and main/common.' },
  // A host test may run the command line beside the host, as a person would.
  host: { may: ['host', 'service', 'ops', 'core', 'common'], testsMay: ['cli', 'testing'], packagesRefused: [UI, ELECTRON], why: 'main/host/ may import main/ops, main/core and main/common.' },
  cli: { may: ['cli', 'service', 'ops', 'core', 'common'], testsMay: ['testing'], packagesRefused: [UI, ELECTRON], why: 'main/cli/ may import main/ops, main/core and main/common.' },
  preload: { may: ['common'], packagesRefused: [NODE_BUILTIN, UI, STORAGE], why: 'The preload exposes the contract (main/common/) and nothing else.' },
  renderer: {
    may: ['renderer', 'common'],
    packagesRefused: [NODE_BUILTIN, ELECTRON, STORAGE, /^(fs|path|child_process)$/],
    why: 'The renderer reaches the core only through the typed operations API: from main/ it imports only main/common/.',
  },
};

const TEST_FILE = /\.(test|fixture)\.tsx?$/;

/** The layer a file belongs to, or null for files outside the layers (e2e, bench, configs). */
export function layerOf(relativePath) {
  const file = relativePath.split(path.sep).join('/');
  return LAYER_PATHS.find(([, pattern]) => pattern.test(file))?.[0] ?? null;
}

function resolvedTarget(importer, specifier) {
  return path.relative(ROOT, path.resolve(path.dirname(importer), specifier));
}

/** A target is named without its extension; a file of main/ outside every layer is refused to all. */
function targetLayer(target) {
  const file = target.split(path.sep).join('/');
  return layerOf(file) ?? layerOf(`${file}.ts`) ?? (/^(main|preload|renderer)\//.test(file) ? 'unlisted' : null);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep each of Fieldbook's layers to the imports its allow-list names." },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    const layer = layerOf(path.relative(ROOT, importer));
    if (!layer) return {};
    const rules = LAYERS[layer];
    const may = TEST_FILE.test(importer) ? [...rules.may, ...(rules.testsMay ?? [])] : rules.may;
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = targetLayer(resolvedTarget(importer, specifier));
        if (target && !may.includes(target)) {
          context.report({ node, message: `${layer} may not import ${specifier} (${target}). ${rules.why}` });
        }
        return;
      }
      if (rules.packagesRefused.some((pattern) => pattern.test(specifier))) {
        context.report({ node, message: `${layer} may not import the package ${specifier}. ${rules.why}` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };
