import { expect, test } from '@playwright/test';

test('switching language keeps the page', async ({ page }) => {
  await page.goto('/vi/procedures/register-birth');
  await page.getByRole('link', { name: 'Lus Hmoob' }).click();
  await expect(page).toHaveURL(/\/hmn\/procedures\/register-birth$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/procedures\/register-birth$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Birth registration');
});

test('switching language keeps the search', async ({ page }) => {
  await page.goto('/vi/search?q=k%E1%BA%BFt+h%C3%B4n');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=/);
  await expect(page.getByRole('searchbox')).toHaveValue('kết hôn');
  await expect(page.getByRole('link', { name: 'Getting married' })).toBeVisible();
});
