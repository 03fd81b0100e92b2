import { expect, test } from '@playwright/test';

// Runs with JavaScript on and off: the search form is a plain GET form answered by the server.
test('finds a life event from plain words typed on the home page', async ({ page }) => {
  await page.goto('/vi');
  await page.getByRole('searchbox', { name: 'Tìm bằng lời của bạn' }).fill('giấy khai sinh');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/vi\/search\?q=gi/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả tìm “giấy khai sinh”');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Đăng ký khai sinh', exact: true }),
  ).toBeVisible();
});

test('finds a death in the family from "chết" on a Hmong page', async ({ page }) => {
  await page.goto('/hmn');
  await page.getByRole('searchbox').fill('chết');
  await page.getByRole('button', { name: 'Nrhiav' }).click();
  const first = page.getByRole('main').getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText('Tsev neeg muaj neeg tuag');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/hmn\/life-events\/death-in-the-family$/);
});

test('says clearly when nothing is found, and offers a way on', async ({ page }) => {
  await page.goto('/en/search?q=xyzzy');
  await expect(page.getByRole('main')).toContainText('Nothing found for “xyzzy”.');
  await expect(page.getByRole('searchbox')).toHaveValue('xyzzy');
});

test('treats markup in a query as text', async ({ page }) => {
  await page.goto('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(page.getByRole('main')).toContainText('Nothing found for “<script>alert(1)</script>”.');
});
