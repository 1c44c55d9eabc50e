import { defineConfig, devices } from "@playwright/test";

// Runs against the production build served by server.ts on a fresh embedded database,
// in Debian's chromium (browsers are not downloaded here).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_PGLITE_DIR ?? `./data/e2e-${process.pid}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf ${dataDir} ${dataDir}.lock && npx tsx server.ts`,
    url: `http://localhost:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      PGLITE_DIR: dataDir,
      DATABASE_URL: "",
      NODE_ENV: "production",
      LOG_REQUESTS: "false",
      SEED_DEMO: "true",
    },
  },
});
