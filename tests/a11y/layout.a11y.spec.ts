import { expect, test, type Page } from '@playwright/test';
import { pageTypes } from '../support/pages';

async function overflowsHorizontally(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// WCAG 1.4.10 reflow: usable at 320 CSS px without horizontal scrolling; 1.4.4: text at 200%. One test per
// locale walking every page type in one page (each failure names its page type).
for (const locale of ['vi', 'hmn'] as const) {
  test(`${locale}: every page type fits 320 px, also with text at 200%`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const pageType of pageTypes) {
      await test.step(pageType.name, async () => {
        await page.goto(`/${locale}${pageType.path}`);
        expect(await overflowsHorizontally(page), pageType.name).toBe(false);
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
        });
        expect(await overflowsHorizontally(page), `${pageType.name} at 200%`).toBe(false);
      });
    }
  });
}

test('the skip link is the first stop and is visible when focused', async ({ page }) => {
  await page.goto('/vi/procedures/register-birth');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('links in the header and main content have visible focus', async ({ page }) => {
  await page.goto('/en');
  const link = page.getByRole('link', { name: /Having a baby/ });
  await link.focus();
  const style = await link.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth };
  });
  expect(style.outline).toBe('solid');
  expect(style.width).toBe('3px');
});
