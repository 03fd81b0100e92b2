import { expect, test, type Page } from '@playwright/test';
import { findQuestion } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import { locales } from '@/i18n/locales';
import {
  answerCurrent,
  declareAndSubmit,
  questionIdFrom,
  saveAndContinue,
  validAnswers,
} from '../support/apply';
import { createAuditor, pageSource } from '../support/axe';

type Auditor = Awaited<ReturnType<typeof createAuditor>>;

/** Audits the page once it has fully arrived (a streamed page is read only after its heading). */
async function audit(auditor: Auditor, page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('load');
  await auditor.audit(await pageSource(page));
}

// One application in each locale with JavaScript off, auditing every kind of page and each error state
// on the way: consent, every question kind, the task list, check answers, confirmation, receipt, tracking.
for (const locale of locales) {
  test(`${locale}: every apply page and error state has no axe violations`, async ({ browser }) => {
    // A whole application with an axe audit of every page and error state: minutes on two busy cores.
    test.setTimeout(300_000);
    const auditor = await createAuditor(browser);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${locale}/procedures/register-birth/apply`);
    await audit(auditor, page);
    await page.getByRole('button', { name: /Bắt đầu|Start now/ }).click();

    // Consent, refused then given.
    await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
    await expect(page.locator('#error-summary-title')).toBeVisible();
    await audit(auditor, page);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();

    const audited = new Set<string>();
    while (questionIdFrom(page.url())) {
      const questionId = questionIdFrom(page.url())!;
      // One question of each kind (choice, date, name, citizen ID, phone, commune, file) is enough.
      const kind = findQuestion(findJourney('register-birth')!, questionId)!.question.kind;
      if (!audited.has(kind)) {
        audited.add(kind);
        await audit(auditor, page);
        // The error state of each kind of question: submit it empty.
        await saveAndContinue(page);
        await expect(page.locator('#error-summary-title')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await audit(auditor, page);
      }
      await answerCurrent(page, 'register-birth', validAnswers[questionId]!);
      await saveAndContinue(page);
      await expect(page).not.toHaveURL(new RegExp(`/q/${questionId}$`));
    }

    await page.goto(`/${locale}/apply/register-birth`);
    await audit(auditor, page); // task list
    await page.goto(`/${locale}/apply/register-birth/check`);
    await audit(auditor, page);
    await page.getByRole('button', { name: /Gửi hồ sơ|Send application/ }).click();
    await expect(page.locator('#error-summary-title')).toBeVisible();
    await audit(auditor, page);
    await declareAndSubmit(page);
    await expect(page.locator('[data-reference]')).toBeVisible();
    await audit(auditor, page);
    const reference = await page.locator('[data-reference]').getAttribute('data-reference');
    await page.getByRole('button', { name: /Gửi đánh giá|Send rating/ }).click();
    await audit(auditor, page);
    await page.goto(`/${locale}/receipts/${reference}`);
    await audit(auditor, page);
    await page.goto(`/${locale}/track/${reference}`);
    await audit(auditor, page);
    await page.goto(`/${locale}/apply/resume?error=1`);
    await audit(auditor, page);
    // Past the resume limit (reached for real in e2e/limits.spec.ts).
    await page.goto(`/${locale}/apply/resume?error=limited`);
    await audit(auditor, page);
    await context.close();
    await auditor.close();
  });
}
