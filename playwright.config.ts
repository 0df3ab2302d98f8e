import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/chromium';

// MESHDECK_E2E_PORT_OFFSET shifts every port so that separate checkouts can run the suite side by side.
const PORT_OFFSET = Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);
const CONSOLE_PORT = 8181 + PORT_OFFSET;
const SECURED_CONSOLE_PORT = 8182 + PORT_OFFSET;
const API_PORT = 7171 + PORT_OFFSET;
const SECURED_API_PORT = 7172 + PORT_OFFSET;
const OUTPUT_DIR = PORT_OFFSET ? `test-results-${PORT_OFFSET}` : 'test-results';

function startCommand(consolePort: number, apiPort: number, extra = ''): string {
  return `npx tsx scripts/start.ts --fresh --port ${consolePort} --api-port ${apiPort} --data-dir ${OUTPUT_DIR}/e2e-data-${apiPort} ${extra}`;
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: OUTPUT_DIR,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${CONSOLE_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: [
    {
      command: startCommand(CONSOLE_PORT, API_PORT),
      url: `http://127.0.0.1:${CONSOLE_PORT}/k8s/version`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: startCommand(SECURED_CONSOLE_PORT, SECURED_API_PORT, '--tokens e2e/fixtures/tokens.json'),
      url: `http://127.0.0.1:${SECURED_CONSOLE_PORT}/`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});

/** The console whose API demands a bearer token (see e2e/fixtures/tokens.json). */
export const SECURED_CONSOLE_URL = `http://127.0.0.1:${SECURED_CONSOLE_PORT}`;
