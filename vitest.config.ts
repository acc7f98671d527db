import { defineConfig } from 'vitest/config';

/**
 * What every package's tests share. Timeouts sized for CI's shared 2-core hosts with another job hogging the CPU,
 * where a test that takes a second here takes several (a test that hangs still fails, a minute later). Every
 * fast-check property runs from one printed, replayable seed (shared/src/testing/fastCheckSeed.ts).
 */
const common = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  setupFiles: ['shared/src/testing/fastCheckSeed.ts'],
} as const;

// Unit and integration tests of every package, run by `pnpm test:unit`. Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'shared', include: ['shared/**/*.test.ts'] } },
      { test: { ...common, name: 'server', include: ['server/test/**/*.test.ts'] } },
      { test: { ...common, name: 'client', include: ['client/src/**/*.test.ts'] } },
      // Components and DOM bindings, in happy-dom: a `.tsx` test file is one of these.
      { test: { ...common, name: 'client-dom', include: ['client/src/**/*.test.tsx'], environment: 'happy-dom' } },
    ],
  },
});
