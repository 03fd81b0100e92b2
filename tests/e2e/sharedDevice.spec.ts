import { expect, test } from '@playwright/test';
import { locales } from '@/i18n/locales';
import { saveAndContinue } from '../support/apply';
import { createAuditor, pageSource } from '../support/axe';

// One phone or village-hall laptop, two people (issue 14): "Start" does not silently reopen the last
// person's unfinished application. It asks; "start my own" gives this browser a new session, so the
// other application no longer opens here, and its owner still has their resume code.

async function leaveHalfway(page: import('@playwright/test').Page, name: string): Promise<string> {
  await page.goto('/vi/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.locator('#relationship-to-child-mother').check();
  await saveAndContinue(page);
  await page.locator('#applicant-name').fill(name);
  await saveAndContinue(page);
  return (await page.getByText(/Mã làm tiếp của bạn:/).textContent())!.split(':')[1]!.trim();
}

test('the next person on a shared device is asked, starts their own, and never sees the first one’s answers', async ({
  page,
  browser,
}) => {
  const first = 'Sùng Thị Dế';
  // The first person had also begun another application on this device.
  await page.goto('/vi/procedures/cultural-family-title/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page).toHaveURL(/\/consent$/);
  const code = await leaveHalfway(page, first);

  // The next person presses Start: asked, with nothing of the first person's on the page.
  await page.goto('/vi/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page).toHaveURL(/\/apply\/register-birth\/in-progress$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trên máy này có một hồ sơ đang làm dở');
  await expect(page.getByRole('main')).toContainText('đã trả lời 2 câu');
  expect(await page.content()).not.toContain(first);

  await page.getByRole('button', { name: 'Không, bắt đầu hồ sơ mới của tôi' }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/q\//);
  await page.goto('/vi/apply/register-birth/q/applicant-name');
  await expect(page.locator('#applicant-name')).toHaveValue('');
  expect(await page.content()).not.toContain(first);
  // A new session: none of the first person's applications opens here any more, of any procedure.
  await page.goto('/vi/apply/cultural-family-title');
  await expect(page).toHaveURL(/\/apply\/resume\?expired=cultural-family-title$/);

  // Their own application is the one "Start" now offers to go on with.
  await page.goto('/vi/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('link', { name: 'Đúng, làm tiếp hồ sơ của tôi' }).click();
  await expect(page).toHaveURL(/\/apply\/register-birth$/);
  expect(await page.content()).not.toContain(first);

  // The first person's application is intact, on their own device, with their code.
  const theirs = await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'no-js' });
  const other = await theirs.newPage();
  await other.goto('/vi/apply/resume');
  await other.getByLabel('Làm tiếp hồ sơ bằng mã').fill(code);
  await other.getByRole('button', { name: 'Làm tiếp' }).click();
  await expect(other).toHaveURL(/\/apply\/register-birth$/);
  await other.goto('/vi/apply/register-birth/q/applicant-name');
  await expect(other.locator('#applicant-name')).toHaveValue(first);
  await theirs.close();
});

test('the question page for an unfinished application has no axe violations in any language', async ({
  page,
  browser,
}) => {
  await leaveHalfway(page, 'Lò Văn Pó');
  const auditor = await createAuditor(browser);
  try {
    for (const locale of locales) {
      await page.goto(`/${locale}/apply/register-birth/in-progress`);
      await auditor.audit(await pageSource(page));
    }
  } finally {
    await auditor.close();
  }
});

test('with no unfinished application the question page leads back to the start', async ({ page }) => {
  await page.goto('/vi/apply/register-birth/in-progress');
  await expect(page).toHaveURL(/\/procedures\/register-birth\/apply$/);
});
