import { expect, test } from '@playwright/test';
import { createAuditor, pageSource } from '../support/axe';
import { locales, pageTypes } from '../support/pages';

// axe (WCAG 2.0/2.1/2.2 A and AA) on every page type in every locale, as served without JavaScript. One
// test per locale, one browser context and one auditor for all its pages: the audits are the cost, not
// the set-up (each failure names its URL).
for (const locale of locales) {
  test(`${locale}: every page type has no axe violations`, async ({ browser }) => {
    test.slow(); // seventeen audits
    const auditor = await createAuditor(browser);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const pageType of pageTypes) {
      await test.step(pageType.name, async () => {
        await page.goto(`/${locale}${pageType.path}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await auditor.audit(await pageSource(page));
      });
    }
    await context.close();
    await auditor.close();
  });
}
