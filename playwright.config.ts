import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/support/chromium';

// Both ports come from the environment so that several runs can share a machine.
const PORT = Number(process.env.E2E_PORT ?? process.env.PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${PORT}`;
const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
/** The provincial back-end simulator this run starts. */
export const simulatorURL = `http://127.0.0.1:${SIMULATOR_PORT}`;
/** A project's name as user names allow it (a-z, 0-9, "_" and "."): `no-js` → `nojs`. */
function userNamePart(project: string): string {
  return project.replace(/[^a-z0-9_.]/g, '');
}
/**
 * Staff accounts this test server seeds (db/seedStaff.ts reads STAFF_SEED while preparing its database):
 * one password for all, a province admin and a Tân Quang officer whose second factor is already enrolled
 * with `totpKey`, a helper,
 * and per project (js, no-js) an admin who has not enrolled yet, a helper to lock out and one to sign out
 * everywhere, a team leader, so that parallel tests never share an account whose state they change.
 */
export const E2E_STAFF = {
  password: 'e2e-staff-password-not-secret',
  totpKey: 'e2e-totp-key-not-secret',
  admin: 'e2e.admin',
  helper: 'e2e.helper',
  /** A one-stop officer of Tân Quang, second factor enrolled like the admin's. */
  officer: 'e2e.officer',
  enrol: (project: string) => `e2e.enrol.${userNamePart(project)}`,
  locked: (project: string) => `e2e.lock.${userNamePart(project)}`,
  signOut: (project: string) => `e2e.out.${userNamePart(project)}`,
  /** A Tân Quang community digital team leader, who enrols and revokes helper devices. */
  leader: (project: string) => `e2e.leader.${userNamePart(project)}`,
} as const;
const staffSeed = [
  `${E2E_STAFF.admin}:province-admin::totp`,
  `${E2E_STAFF.helper}:helper:tan-quang`,
  `${E2E_STAFF.officer}:commune-officer:tan-quang:totp`,
  ...['js', 'no-js'].flatMap((project) => [
    `${E2E_STAFF.enrol(project)}:province-admin`,
    `${E2E_STAFF.locked(project)}:helper:tan-quang`,
    `${E2E_STAFF.signOut(project)}:helper:nam-dan`,
    `${E2E_STAFF.leader(project)}:digital-team-leader:tan-quang`,
  ]),
].join(',');

/**
 * One production server (built beforehand by scripts/test-all.sh) shared by every spec. Debian's
 * Chromium, because Playwright's own browser download cannot reach its host from here.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    // A cheap Android phone's width.
    viewport: { width: 360, height: 740 },
  },
  projects: [
    // Tests tagged @http are about HTTP, not about what a browser does with JavaScript: the no-js project
    // runs them, once.
    {
      name: 'js',
      testMatch: /e2e\/.*\.spec\.ts/,
      grepInvert: /@http/,
      use: { javaScriptEnabled: true },
    },
    { name: 'no-js', testMatch: /e2e\/.*\.spec\.ts/, use: { javaScriptEnabled: false } },
    { name: 'a11y', testMatch: /a11y\/.*\.spec\.ts/ },
    // Takes the shared simulator down for a while, so it waits for every other project to finish.
    {
      name: 'outage',
      testMatch: /outage\/.*\.spec\.ts/,
      dependencies: ['js', 'no-js', 'a11y'],
      use: { javaScriptEnabled: false },
    },
  ],
  webServer: [
    {
      // The provincial back-end simulator, with a fresh store per run.
      command: 'npx tsx simulator/main.ts',
      url: `${simulatorURL}/admin/stats`,
      reuseExistingServer: !process.env.CI,
      env: {
        SIMULATOR_PORT: String(SIMULATOR_PORT),
        SIMULATOR_STORE: `/tmp/motcua-simulator-${process.pid}.json`,
        // Statuses advance every 1.5 s and are pushed to the portal's signed webhook as well as polled.
        SIMULATOR_STATUS_STEP_MS: '1500',
        SIMULATOR_WEBHOOK_URL: `${baseURL}/api/province/status`,
      },
    },
    {
      // No `-H`: with a host set, Next.js treats the proxy's not-found rewrite as external (docs/adr/0005).
      command: `npx next start -p ${PORT}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        // DATABASE_URL (set by scripts/test-all.sh for the PostgreSQL pass) wins; otherwise throwaway PGlite,
        // with the outbox relay in-process.
        PGLITE_DIR: 'memory://',
        // Required in production (lib/env.ts): QR codes and redirects lead here.
        PUBLIC_ORIGIN: baseURL,
        PROVINCE_BASE_URL: simulatorURL,
        STATUS_POLL_SECONDS: '2',
        // Screens say they are alive every 2 s, so that tests/e2e/screen.spec.ts sees it without waiting.
        SCREEN_CHECK_SECONDS: '2',
        STAFF_AUTH_SECRET: 'e2e-staff-auth-secret-not-secret-0123456789',
        STAFF_SEED: staffSeed,
        STAFF_SEED_PASSWORD: E2E_STAFF.password,
        STAFF_SEED_TOTP: E2E_STAFF.totpKey,
        // Every test submits from 127.0.0.1: lift the per-address submission limit (tested in unit tests).
        SUBMIT_LIMIT: '100000',
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
    // With PostgreSQL the relay is its own process, as in production.
    ...(process.env.DATABASE_URL
      ? [
          {
            command: 'npx tsx worker/main.ts',
            env: {
              DATABASE_URL: process.env.DATABASE_URL,
              PROVINCE_BASE_URL: simulatorURL,
              STATUS_POLL_SECONDS: '2',
            },
            // The worker has no port; Playwright waits for this line on its output.
            wait: { stdout: /Outbox relay running/ },
            reuseExistingServer: false,
          },
        ]
      : []),
  ],
});
