import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint-layers.js';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // Each layer imports only what its allow-list in eslint-layers.js names (drawn in the README).
    files: ['main/**/*.{ts,tsx}', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { fieldbook: layersPlugin },
    rules: { 'fieldbook/layers': 'error' },
  },
  {
    // The core and the contract run in plain Node (tsconfig.core.json has no DOM lib): no page globals.
    files: ['main/core/**/*.ts', 'main/common/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'DOMParser'].map((name) => ({ name, message: 'The core runs in plain Node: no page globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
