import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { locales, pageTypes } from '../support/pages';

// axe (WCAG 2.0/2.1/2.2 A and AA) on every page type in every locale, as served without JavaScript.
for (const locale of locales) {
  for (const pageType of pageTypes) {
    test(`${locale} ${pageType.name}: no axe violations`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}${pageType.path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expectNoAxeViolations(browser, { url: page.url(), html: await page.content() });
      await context.close();
    });
  }
}
