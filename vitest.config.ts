import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest takes one core fewer than the machine has, which is one on CI's two: the crash test's
    // two minutes then ran before everything else rather than beside it.
    maxWorkers: 2,
  },
});
