import { expect, test } from '@playwright/test';
import { procedures } from '@/catalogue';
import { findJourney } from '@/catalogue/forms/journeys';
import { declareAndSubmit, startAndAnswerAll } from '../support/apply';

// A guide says "fully online" and shows "Apply online" only where a journey exists (catalogue/online.ts).
test('guides promise applying online only where the portal has the journey', async ({ page }) => {
  for (const procedure of procedures) {
    await page.goto(`/vi/procedures/${procedure.id}`);
    const main = page.getByRole('main');
    const apply = main.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    if (findJourney(procedure.id)) {
      await expect(apply, procedure.id).toBeVisible();
      continue;
    }
    await expect(apply, procedure.id).toHaveCount(0);
    await expect(main, procedure.id).not.toContainText('Có thể làm hoàn toàn trực tuyến');
    await expect(main, procedure.id).not.toContainText('Có thể bắt đầu trực tuyến');
  }
});

// The birth bundle: the receipt and the tracking page list the procedures in the same order, the
// journey's, and every date on the journey's pages is written one way ("2 tháng 12, 2026").
test('birth bundle: tracking lists the receipt order, and no page mixes date formats', async ({ page }) => {
  test.setTimeout(90_000);
  await startAndAnswerAll(page, 'birth-bundle');
  const numericDate = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
  await expect(page.getByRole('main')).not.toContainText(numericDate);
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  await page.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const tracking = page.locator('main section[aria-labelledby^="title-"] h2');
  const expected = findJourney('birth-bundle')!.procedures.length;
  await expect(tracking).toHaveCount(expected);
  const trackingOrder = await tracking.allInnerTexts();
  await expect(page.getByRole('main')).not.toContainText(numericDate);

  await page
    .getByRole('link', { name: /biên nhận/i })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const receiptOrder = await page
    .locator('main dd ul > li')
    .evaluateAll((items) => items.map((li) => li.firstChild?.textContent?.trim() ?? ''));
  expect(receiptOrder).toEqual(trackingOrder);
  await expect(page.getByRole('main')).not.toContainText(numericDate);
});
