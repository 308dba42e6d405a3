/**
 * Browser tests against the production build (`npm run build` first; `npm test` does).
 * Chromium is Debian's /usr/bin/chromium: Playwright's own browser download is never used.
 */
import { defineConfig } from '@playwright/test';

const CI = !!process.env.CI;
/** E2E_PORT lets a developer run the suite beside another server; the default is the app's own port. */
const PORT = Number(process.env.E2E_PORT ?? 3000);
const BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.test.ts',
  fullyParallel: true,
  forbidOnly: CI,
  /** One retry in CI only, so a rare timing hiccup on a loaded 2-core runner does not fail the run; reports still show it. */
  retries: CI ? 1 : 0,
  /** The machine has 2 cores; the server, the page and its function workers share them. */
  workers: 2,
  /** A test may wait through a 1 s function timeout plus the replacement of a stuck worker. */
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: PORT === 3000 ? 'npm run start' : `npx next start -p ${PORT}`,
        url: BASE_URL,
        reuseExistingServer: !CI,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: { NEXT_TELEMETRY_DISABLED: '1' },
      },
});
