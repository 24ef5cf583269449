import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') };

export default defineConfig({
  resolve: { alias },
  test: {
    env: { RDX_LOG: 'silent' },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          env: { RDX_LOG: 'silent' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          env: { RDX_LOG: 'silent' },
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One set of servers for the run; files share it rather than racing to start their own.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run bench` only (not part of `npm test`): bench/README.md.
          name: 'bench',
          env: { RDX_LOG: 'silent' },
          include: ['bench/**/*.bench-suite.ts'],
          environment: 'node',
          globalSetup: ['bench/support/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          // Suites one after another, so none measures while another loads the machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
