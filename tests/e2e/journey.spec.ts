import { expect, test } from '@playwright/test';

// The "done when": find "having a baby", read the steps and the birth-registration guide.
test('a Vietnamese reader finds how to register a new baby', async ({ page }) => {
  await page.goto('/vi');
  await page.getByRole('link', { name: /Sinh con/ }).click();
  await expect(page).toHaveURL(/\/vi\/life-events\/having-a-baby$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sinh con' })).toBeVisible();

  const steps = page.getByRole('main').getByRole('list').first().locator(':scope > li');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toContainText('Bước 1');
  await expect(steps.first()).toContainText('Hạn: trong 60 ngày kể từ ngày sinh của con.');
  await expect(steps.first()).toContainText('hoặc');

  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
  await expect(page).toHaveURL(/\/vi\/procedures\/register-birth$/);
  const main = page.getByRole('main');
  for (const heading of ['Ai làm thủ tục này', 'Bạn cần mang', 'Chi phí', 'Mất bao lâu', 'Nộp ở đâu']) {
    await expect(main.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(main).toContainText('Giấy chứng sinh');
  await expect(main).toContainText('Miễn phí');
  await expect(main.getByText('Dữ liệu mẫu').first()).toBeVisible();

  await main.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nộp hồ sơ trực tuyến: Đăng ký khai sinh');
  await expect(page.getByRole('button', { name: 'Bắt đầu' })).toBeVisible();
});

test('a Hmong reader finds the same journey, with the Hmong title and Vietnamese fallback marked', async ({
  page,
}) => {
  await page.goto('/hmn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koj xav ua dab tsi?');
  await page.getByRole('link', { name: /Yug menyuam/ }).click();
  await expect(page).toHaveURL(/\/hmn\/life-events\/having-a-baby$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yug menyuam');
  // Untranslated step text is Vietnamese, marked so a screen reader switches voice.
  await expect(page.locator('main h3 [lang="vi"]').first()).toHaveText('Đăng ký khai sinh cho con');
  // The procedure's own title has a Hmong draft.
  await page.getByRole('link', { name: 'Sau npe yug menyuam', exact: true }).click();
  await expect(page).toHaveURL(/\/hmn\/procedures\/register-birth$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn');
});

test('the breadcrumbs lead back up', async ({ page }) => {
  await page.goto('/en/procedures/register-birth');
  const crumbs = page.getByRole('navigation', { name: 'You are here' });
  await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Having a baby']);
  await crumbs.getByRole('link', { name: 'Having a baby' }).click();
  await expect(page).toHaveURL(/\/en\/life-events\/having-a-baby$/);
});

test('a part of a bundle points to the bundle, and the bundle lists its parts', async ({ page }) => {
  await page.goto('/en/procedures/birth-bundle');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'This bundle includes' })).toBeVisible();
  await main.getByRole('link', { name: 'Permanent residence registration' }).click();
  await expect(
    page.getByRole('main').getByRole('link', { name: /Birth, residence and health insurance/ }),
  ).toBeVisible();
});
