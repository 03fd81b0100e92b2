import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Source {
  readonly url: string;
  readonly html: string;
}

/**
 * Audits pages exactly as a visitor without JavaScript receives them. Running axe inside a context with
 * JavaScript disabled crashes Debian's Chromium, so: take the HTML the no-JS page got, replay it at the
 * same URL in a JS-enabled context whose scripts are all aborted, and audit that DOM. Error states (a POST
 * response) are audited the same way, from `page.content()`. One auditor can audit many pages.
 */
export async function createAuditor(browser: Browser) {
  // JavaScript explicitly on: in the no-js project, contexts would otherwise inherit it switched off.
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  let current: Source | undefined;
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (current && request.url() === current.url && request.resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
    }
    if (request.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  return {
    async audit(source: Source) {
      current = source;
      await page.goto(source.url);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`,
      );
      expect(summary, source.url).toEqual([]);
    },
    close: () => context.close(),
  };
}

export async function expectNoAxeViolations(browser: Browser, source: Source) {
  const auditor = await createAuditor(browser);
  try {
    await auditor.audit(source);
  } finally {
    await auditor.close();
  }
}

/**
 * What the page shows now, for an auditor. With JavaScript, Next.js streams a re-rendered page's metadata
 * after its body (streaming metadata), so right after a client navigation the DOM may have no <title> for a
 * moment; wait for it, as a screen reader would announce it once there. A page that never gets one still
 * fails, here.
 */
export async function pageSource(page: Page): Promise<Source> {
  await expect(page).toHaveTitle(/\S/);
  return { url: page.url(), html: await page.content() };
}
