// End-to-end tests: Playwright driving Debian's Chromium against the static web build
// (`npm run test:e2e` builds dist/web first). Never `npx playwright install` here.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium.config';

// NINES_E2E_PORT lets two checkouts (git worktrees) run their suites side by side.
const PORT = Number(process.env.NINES_E2E_PORT ?? 4173);

// Tests wait on states, never on speeds: these limits only say when a state that is not coming
// counts as a failure, so they are sized for a shared, busy 2-core CI machine (other suites, or
// `stress-ng --cpu 2`, beside this one), where a step can take several times as long as on an idle
// one. A passing run never waits them out; only a failing test costs its timeout.
/** How long one state may take to appear: a 301-node design opened and evaluated, a worker's
 * first progress report, a PDF written. */
const STATE_TIMEOUT_MS = 30_000;
/** A whole test: the longest (drawing a design by drag and drop) takes about 20 s when idle. */
const TEST_TIMEOUT_MS = 180_000;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: STATE_TIMEOUT_MS, toPass: { timeout: STATE_TIMEOUT_MS } },
  reporter: [['list'], ['./e2e/count-reporter.ts']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
