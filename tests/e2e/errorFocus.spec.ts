import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales, type Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { WCAG_TAGS } from '../support/axe';
import { answerUntilCheck, declareAndSubmit, saveAndContinue } from '../support/apply';

/**
 * A rejected form moves focus to its error summary, so a screen reader announces what went wrong instead
 * of the page title again (docs/adr/0021). With JavaScript a rejection is a client re-render of the same
 * page, where `autoFocus` does nothing; without it a fresh document, where the browser honours it. Both
 * projects run these tests. The summary is found as a user of assistive technology meets it: the focused
 * group named by its heading.
 */
const summaryTitle = (locale: Locale) => getT(locale, 'apply.errors').text('summaryTitle');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const titleWithOneError = (locale: Locale) =>
  new RegExp(`^${escapeRegExp(getT(locale, 'apply.errors').text('titlePrefix', { count: 1 }))} `);
const summary = (page: Page, locale: Locale) => page.getByRole('group', { name: summaryTitle(locale) });

/** Clicks `button` and waits for the server's answer to that POST before looking at focus. */
async function submitAndExpectFocusedSummary(page: Page, locale: Locale, submit: () => Promise<void>) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' || r.status() === 303);
  await submit();
  await answered;
  await expect(summary(page, locale)).toBeFocused();
}

async function liveAxe(page: Page) {
  if (test.info().project.name === 'no-js') return; // audited from the served HTML in tests/a11y
  // With JavaScript, Next.js streams a re-rendered page's metadata after its body (streaming metadata):
  // axe run in that instant finds no <title>. Wait for it, as a screen reader announces it once it is there.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

for (const locale of locales) {
  test(`${locale}: a rejected answer focuses the error summary, each time it is rejected`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/procedures/register-birth/apply`);
    await page.getByRole('button', { name: /Bắt đầu|Start now/ }).click();
    await expect(page).toHaveURL(/\/consent$/);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
    await expect(page).toHaveURL(/\/q\//);
    // The same mistake three times: React keeps the summary mounted, and it must take focus every time.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await submitAndExpectFocusedSummary(page, locale, () => saveAndContinue(page));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(titleWithOneError(locale));
    }
    await liveAxe(page);
  });
}

test('consent, check answers and the rating: each rejection focuses the error summary', async ({ page }) => {
  const locale = 'vi';
  await page.goto(`/${locale}/procedures/cultural-family-title/apply`);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await submitAndExpectFocusedSummary(page, locale, () =>
    page.getByRole('button', { name: 'Tiếp tục' }).click(),
  );
  await liveAxe(page);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/q\//);
  await answerUntilCheck(page, 'cultural-family-title');

  // The declaration left unticked, twice.
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await submitAndExpectFocusedSummary(page, locale, () =>
      page.getByRole('button', { name: 'Gửi hồ sơ' }).click(),
    );
  }
  await liveAxe(page);
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);

  await submitAndExpectFocusedSummary(page, locale, () =>
    page.getByRole('button', { name: 'Gửi đánh giá' }).click(),
  );
  await liveAxe(page);
});

test('a wrong resume code and a wrong tracking look-up focus the error summary, each time', async ({
  page,
}) => {
  const locale = 'vi';
  await page.goto(`/${locale}/apply/resume`);
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await page.getByLabel('Làm tiếp hồ sơ bằng mã').fill('ZZZZ-ZZZZ');
    await submitAndExpectFocusedSummary(page, locale, () =>
      page.getByRole('button', { name: 'Làm tiếp' }).click(),
    );
  }
  await liveAxe(page);

  await page.goto(`/${locale}/track`);
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await page.getByLabel('Mã biên nhận').fill('');
    await submitAndExpectFocusedSummary(page, locale, () =>
      page.getByRole('button', { name: 'Xem' }).click(),
    );
  }
  await liveAxe(page);
});
