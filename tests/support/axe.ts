import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page exactly as a visitor without JavaScript receives it. Running axe inside a context
 * with JavaScript disabled crashes Debian's Chromium, so: take the server's HTML, replay it at the same
 * URL in a JS-enabled context whose scripts are all aborted, and audit that DOM. Error states (a POST
 * response) are audited the same way, from `page.content()`.
 */
export async function expectNoAxeViolations(browser: Browser, source: { url: string; html: string }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.url() === source.url && request.resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: source.html });
      }
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await page.goto(source.url);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`,
    );
    expect(summary).toEqual([]);
  } finally {
    await context.close();
  }
}
