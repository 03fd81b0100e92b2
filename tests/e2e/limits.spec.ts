import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { startAndAnswerAll, declareAndSubmit } from '../support/apply';
import { createAuditor, pageSource } from '../support/axe';

// The shared test server lifts the per-address submission limit (every test submits from 127.0.0.1), so
// this spec starts the same production build a second time with SUBMIT_LIMIT=1, RESUME_LIMIT=2 and its own
// database.
const PORT = Number(process.env.LIMITS_PORT ?? 3190);
const baseURL = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.skip(
  ({ javaScriptEnabled }) => javaScriptEnabled,
  'The limit page is the same with JavaScript; run once',
);

test.beforeAll(async () => {
  test.setTimeout(60_000);
  // Its own throwaway PGlite database, even in the PostgreSQL pass.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    env: {
      ...env,
      PUBLIC_ORIGIN: `http://localhost:${PORT}`,
      PGLITE_DIR: 'memory://',
      SUBMIT_LIMIT: '1',
      RESUME_LIMIT: '2',
      OUTBOX_RELAY: 'off',
    },
    stdio: 'ignore',
    detached: true,
  });
  await expect
    .poll(
      () =>
        fetch(`${baseURL}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 45_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  // The whole process group: npx, next and its server.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('past the submission limit, the check page says so in words, keeps the answers and saves nothing', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await startAndAnswerAll(page, 'register-death');
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);

  // A second application from the same address within 15 minutes: refused, clearly, next to the button.
  await startAndAnswerAll(page, 'register-death');
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/apply\/register-death\/check$/);
  await expect(page).toHaveTitle(/^\(1 lỗi\)/);
  await expect(page.getByRole('link', { name: /đã gửi quá nhiều hồ sơ trong 15 phút/ })).toBeVisible();
  await expect(page.locator('#error-summary-title')).toBeVisible();
  const auditor = await createAuditor(browser);
  await auditor.audit(await pageSource(page));
  await auditor.close();
  // Nothing was sent: the answers are still there to send later.
  await expect(page.getByRole('button', { name: 'Gửi hồ sơ' })).toBeVisible();
  await context.close();
});

test('past the resume limit, the code page says so in the page language, even for a right code', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  // A real draft and its code, so that the refusal cannot be a mere "not found".
  await page.goto('/en/procedures/register-death/apply');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const code = (await page.getByText(/Your code to continue:/).textContent())!.split(':')[1]!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  const tryCode = async (typed: string) => {
    await page.goto('/en/apply/resume');
    await page.getByLabel('Continue an application with a code').fill(typed);
    await page.getByRole('button', { name: 'Continue' }).click();
  };
  await tryCode('ZZZZ-ZZZZ');
  await expect(page.locator('#code-error')).toContainText('No application was found with this code');
  await tryCode('ZZZZ-ZZZY');
  await expect(page.locator('#code-error')).toContainText('No application was found with this code');
  // The third try in 15 minutes from this address is refused before the code is looked up.
  await tryCode(code);
  await expect(page).toHaveURL(/\/en\/apply\/resume\?error=limited$/);
  await expect(page).toHaveTitle(/^\(1 error\)/);
  await expect(page.locator('#code-error')).toHaveText(/Too many codes tried\. Wait 15 minutes/);
  await expect(page.getByRole('link', { name: /Too many codes tried/ })).toHaveAttribute('href', '#code');
  const auditor = await createAuditor(browser);
  await auditor.audit(await pageSource(page));
  await auditor.close();
  await context.close();
});
