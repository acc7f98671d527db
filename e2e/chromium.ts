import type { LaunchOptions } from '@playwright/test';

/**
 * How every browser this project drives is started, by the browser tests and by the UI benchmark alike: Debian's
 * Chromium (Playwright never downloads one here), with the network features that would reach for Google's
 * servers turned off, since this machine's closed network refuses them by the dozen.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
