import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{core,plugin-sdk,server,rule-editor,console,plugins/*}/src/**/*.test.ts',
            'tools/**/*.test.ts',
          ],
          environment: 'node',
          // A guard against a hung test, not a speed target: property tests and tests on a migrated
          // database run past vitest's 5 s default on a loaded 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // End-to-end files start hubs and peers on ports; one file at a time keeps them from fighting for CPU.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One Chromium and one hub at a time: they are the heaviest things the suite starts.
          fileParallelism: false,
        },
      },
    ],
  },
})
