import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * End-to-end tests drive the real renderer against the real services through the test host.
 * Debian's Chromium is used when present; otherwise Playwright's own (`npx playwright install chromium`).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1200, height: 800 },
    // A computer set to the United Kingdom, unless a test says otherwise (dates and times follow it).
    locale: 'en-GB',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
    screenshot: 'off',
  },
});
