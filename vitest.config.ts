import { defineConfig } from 'vitest/config';

// Unit and integration tests of every package, run by `pnpm test:unit`. Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
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
