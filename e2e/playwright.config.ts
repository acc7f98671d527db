import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

const CI = Boolean(process.env.CI);

/**
 * Browser tests drive Debian's Chromium (never a downloaded one) against the real server, built client and
 * SQLite, started per worker by the fixture in fixtures/cocrea.ts; the stories of several instances, against two
 * servers on the tests' PostgreSQL and Redis (fixtures/cluster.ts).
 *
 * Waits are sized for CI's shared 2-core hosts with another job hogging the CPU: a test may take two minutes (the
 * clock story took over one under load), and every `expect` (`expect.poll` included) retries for up to 20 s, ending
 * as soon as it holds. On CI a failed test runs once more, with a trace; RetrySummaryReporter prints how many
 * needed it, so that a test that only passes the second time is seen, not hidden.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: CI,
  reporter: [['list'], ['./RetrySummaryReporter.ts']],
  use: {
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1280, height: 800 },
    trace: 'on-first-retry',
    launchOptions: chromiumLaunchOptions,
  },
});
