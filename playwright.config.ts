import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E_AUTH_SECRET } from "./tests/e2e/support/constants";

// End-to-end tests run against a production build (`npm run test:e2e` builds first) on their own
// port and their own database: DATABASE_URL when it is set (CI's PostgreSQL pass), otherwise a
// fresh SQLite file.
const port = Number(process.env.E2E_PORT ?? 3107);
// The stand-in for the paper look-up services (arXiv, doi.org, Crossref).
export const standInPort = port + 50;
// Its mail server (SMTP), for password reset mail.
export const smtpPort = port + 51;
const standIn = `http://127.0.0.1:${standInPort}`;
export const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL || `file:./.data/e2e-${port}.db`;
process.env.E2E_DATABASE_URL = databaseUrl;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = existsSync(chromium)
  ? {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  // Several app instances sharing live events need PostgreSQL (LISTEN/NOTIFY); on SQLite the app
  // is one process by design, so that spec only runs on CI's PostgreSQL pass.
  testIgnore: databaseUrl.startsWith("postgres") ? [] : ["**/multi-instance.spec.ts"],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions,
  },
  webServer: [
    {
      command: "node tests/e2e/support/paper-stand-in.mjs",
      url: `${standIn}/health`,
      reuseExistingServer: false,
      env: { STAND_IN_PORT: String(standInPort), STAND_IN_SMTP_PORT: String(smtpPort) },
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: E2E_AUTH_SECRET,
        AUTH_URL: baseURL,
        NODE_ENV: "production",
        E2E_TEST_CLOCK: "1",
        E2E_TEST_CLOCK_IN_PRODUCTION: "1",
        ARXIV_API_URL: `${standIn}/arxiv/query`,
        DOI_RESOLVER_URL: `${standIn}/doi`,
        CROSSREF_API_URL: `${standIn}/crossref`,
        ARXIV_PDF_URL: `${standIn}/arxiv/pdf`,
        // The stand-in is on loopback, which the address guard refuses to everyone else.
        FETCH_ALLOW_PRIVATE_ORIGINS: standIn,
        PDF_CACHE_DIR: `.data/pdf-cache-e2e-${port}`,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: "Yomikai <yomikai@example.test>",
        // The 3 s spacing is proven by a unit test; here it would only queue parallel tests.
        ARXIV_MIN_INTERVAL_MS: "200",
        // Streams re-check membership every heartbeat; short here so a removal shows quickly.
        LIVE_HEARTBEAT_MS: "2000",
      },
    },
  ],
});
