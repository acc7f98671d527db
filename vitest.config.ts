import { defineConfig } from 'vitest/config';

// Unit and integration tests of every package, run by `pnpm test:unit`. Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          include: ['shared/**/*.test.ts'],
          environment: 'node',
          // The property tests (1 000 runs) take 3–4 s on an idle 2-core machine and twice that with another job
          // hogging it; vitest's default 5 s made them fail on load, not on a bug.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'client', include: ['client/src/**/*.test.ts'], environment: 'node' } },
      // Components and DOM bindings, in happy-dom: a `.tsx` test file is one of these.
      { test: { name: 'client-dom', include: ['client/src/**/*.test.tsx'], environment: 'happy-dom' } },
    ],
  },
});
