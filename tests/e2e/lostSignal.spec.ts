import { expect, test, type Page, type Request } from '@playwright/test';
import { getT } from '@/i18n/translate';
import { createAuditor } from '../support/axe';
import {
  answerCurrent,
  answerUntilCheck,
  PNG,
  questionIdFrom,
  saveAndContinue,
  validAnswers,
} from '../support/apply';

/**
 * The signal drops while a citizen sends a page (docs/adr/0024): the page stays as it was, with what was
 * typed or chosen, and says so in an alert; focus stays on the button, so trying again is one more press;
 * once the signal is back the same press carries on as any submit would. Offline is Chromium's own network
 * emulation (`context.setOffline`), the same failure a dead zone gives: the request gets no answer at all.
 */
test.skip(
  () => test.info().project.name === 'no-js',
  'without JavaScript the browser itself posts the form; its offline page is the browser’s, and the answers saved on every page (the server-side draft) are the safety net',
);

const lostMessage = getT('vi', 'forms').text('lostConnection');
const systemError = getT('vi', 'errorPage').text('title');
const alertOn = (page: Page) => page.getByRole('alert').filter({ hasText: lostMessage });

/** From the start page to the consent, ticked: the journey's first question is open. */
async function startJourney(page: Page, journeyId: string) {
  await page.goto(`/vi/procedures/${journeyId}/apply`);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/q\//);
}

/** Answers question after question until `questionId` is the one asked. */
async function answerUntil(page: Page, journeyId: string, questionId: string) {
  for (let guard = 0; guard < 30 && questionIdFrom(page.url()) !== questionId; guard += 1) {
    const current = questionIdFrom(page.url())!;
    await answerCurrent(page, journeyId, validAnswers[current]!);
    await saveAndContinue(page);
    await expect(page).not.toHaveURL(new RegExp(`/q/${current}(\\?|$)`));
  }
  await expect(page).toHaveURL(new RegExp(`/q/${questionId}(\\?|$)`));
}

/** Clicks `button` with the network off and waits for the alert: the request has failed by then. */
async function pressOffline(page: Page, button: ReturnType<Page['getByRole']>) {
  await page.context().setOffline(true);
  await button.click();
  await expect(alertOn(page)).toBeVisible();
}

async function expectStillHere(page: Page, button: ReturnType<Page['getByRole']>, url: string) {
  expect(page.url()).toBe(url);
  await expect(page.getByRole('heading', { name: systemError })).toHaveCount(0);
  // Nothing to correct: focus stays where the person pressed, so pressing again is all it takes.
  await expect(button).toBeFocused();
}

test('a question page: the typed answer stays, an alert says so, and pressing again goes on', async ({
  page,
  browser,
}) => {
  test.slow(); // an axe audit, on a busy machine
  await startJourney(page, 'cultural-family-title');
  await expect(page).toHaveURL(/\/q\/applicant-name$/);
  const url = page.url();
  const button = page.getByRole('button', { name: 'Lưu và tiếp tục' });
  await page.getByLabel('Họ và tên của bạn').fill('Giàng Thị Mỷ');

  await pressOffline(page, button);
  await expectStillHere(page, button, url);
  await expect(page.getByLabel('Họ và tên của bạn')).toHaveValue('Giàng Thị Mỷ');
  await expect(page.getByRole('group', { name: 'Có lỗi cần sửa' })).toHaveCount(0);
  const auditor = await createAuditor(browser);
  try {
    await auditor.audit({ url, html: await page.content() });
  } finally {
    await auditor.close();
  }

  // Lost again: a new alert, so a screen reader announces it again (an unchanged live region is silent).
  const first = await alertOn(page).elementHandle();
  await button.click();
  await expect.poll(() => first!.evaluate((node) => node.isConnected)).toBe(false);
  await expect(alertOn(page)).toBeVisible();
  await expectStillHere(page, button, url);

  await page.context().setOffline(false);
  await button.click();
  await expect(page).toHaveURL(/\/q\/applicant-sex$/);
  await expect(alertOn(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Quay lại' }).click();
  await expect(page.getByLabel('Họ và tên của bạn')).toHaveValue('Giàng Thị Mỷ');
});

test('while a try is on its way its old message is gone, and a second press sends nothing', async ({
  page,
}) => {
  await startJourney(page, 'cultural-family-title');
  const button = page.getByRole('button', { name: 'Lưu và tiếp tục' });
  await page.getByLabel('Họ và tên của bạn').fill('Giàng Thị Mỷ');
  await pressOffline(page, button);
  await page.context().setOffline(false);

  // Hold the next POST on a slow line until the test lets it through.
  const sent: Request[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent.push(route.request());
    await released;
    return route.continue();
  });
  await button.click();
  await expect.poll(() => sent.length).toBe(1);
  await expect(alertOn(page)).toHaveCount(0);
  await button.click();
  await button.press('Enter');
  release();
  await expect(page).toHaveURL(/\/q\/applicant-sex$/);
  // Actions run one after another: once the next page's own answer is through, a second send of the
  // first would have been made.
  await answerCurrent(page, 'cultural-family-title', validAnswers['applicant-sex']!);
  await saveAndContinue(page);
  await expect(page).toHaveURL(/\/q\/applicant-dob$/);
  const bodies = sent.map((request) => request.postDataBuffer()?.toString('utf8') ?? '');
  expect(bodies.filter((body) => body.includes('applicant-name'))).toHaveLength(1);
});

test('sending the application: kept and said when the signal drops, one receipt once it is back', async ({
  page,
}) => {
  test.slow(); // a whole journey
  await startJourney(page, 'cultural-family-title');
  await answerUntilCheck(page, 'cultural-family-title');
  const url = page.url();
  const declaration = page.getByRole('checkbox');
  const send = page.getByRole('button', { name: 'Gửi hồ sơ' });
  await declaration.check();
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request);
  });

  await pressOffline(page, send);
  await expectStillHere(page, send, url);
  await expect(declaration).toBeChecked();

  // Back online, the declaration left unticked: the server's error summary, as after any submit.
  await page.context().setOffline(false);
  await declaration.uncheck();
  await send.click();
  await expect(page.getByRole('group', { name: 'Có lỗi cần sửa' })).toBeFocused();
  await expect(alertOn(page)).toHaveCount(0);

  await declaration.check();
  await send.click();
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = await page.locator('[data-reference]').getAttribute('data-reference');
  expect(reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
  // The offline try got no answer (it never left the browser): two answered, the refusal and the submission.
  const answers = await Promise.all(posts.map((request) => request.response()));
  expect(answers.map((answer) => answer !== null)).toEqual([false, true, true]);
  await page.goto(url);
  await expect(page).toHaveURL(/\/confirmation$/);
  await expect(page.locator('[data-reference]')).toHaveAttribute('data-reference', reference!);

  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(process.env.DATABASE_URL, { max: 1 });
    const [row] = await sql`select count(*)::int as n from submissions where reference = ${reference!}`;
    await sql.end();
    expect(row!.n).toBe(1);
  }
});

test('an upload: the chosen file stays chosen, and is sent once the signal is back', async ({ page }) => {
  test.slow(); // nine questions before the upload
  await startJourney(page, 'certify-marital-status');
  await answerUntil(page, 'certify-marital-status', 'id-card-photo');
  const url = page.url();
  const input = page.locator('#id-card-photo');
  const button = page.getByRole('button', { name: 'Lưu và tiếp tục' });
  await input.setInputFiles({ name: 'can-cuoc.png', mimeType: 'image/png', buffer: PNG });

  await pressOffline(page, button);
  await expectStillHere(page, button, url);
  expect(await input.evaluate((field: HTMLInputElement) => field.files?.[0]?.name)).toBe('can-cuoc.png');

  await page.context().setOffline(false);
  await button.click();
  await expect(page).toHaveURL(/\/q\/office-commune$/);
  await page.getByRole('link', { name: 'Quay lại' }).click();
  // Photos are re-encoded as JPEG (lib/uploads.ts), and named so.
  await expect(page.getByRole('main')).toContainText('Đã tải lên: can-cuoc.jpg');

  // The skip button says which button was pressed, as the browser's own submit does: the file is removed.
  await page.getByRole('button', { name: 'Bỏ qua, không tải lên' }).click();
  await expect(page).toHaveURL(/\/q\/office-commune$/);
  await page.getByRole('link', { name: 'Quay lại' }).click();
  await expect(page).toHaveURL(/\/q\/id-card-photo$/);
  await expect(page.getByRole('main')).not.toContainText('Đã tải lên');
});
