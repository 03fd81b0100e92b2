import { expect, test } from '@playwright/test';
import { localeInfo } from '@/i18n/locales';
import { visibleQuestions } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import { declareAndSubmit, startAndAnswerAll } from '../support/apply';
import { expectNoAxeViolations, pageSource } from '../support/axe';
import { locales, pageTypes } from '../support/pages';
import { signInAsAdmin } from '../support/staff';

// Every page type in every locale as served (no-js); with JavaScript on, in Vietnamese and Hmong (a full
// and a partial locale: hydration is the same code for the other four).
const JS_LOCALES: readonly string[] = ['vi', 'hmn'];
for (const locale of locales) {
  test.describe(`${locale}`, () => {
    for (const pageType of pageTypes) {
      test(`${pageType.name} renders in its language`, async ({ page }) => {
        test.skip(
          test.info().project.name === 'js' && !JS_LOCALES.includes(locale),
          'with JavaScript on, Vietnamese and Hmong stand for the other locales',
        );
        const response = await page.goto(`/${locale}${pageType.path}`);
        expect(response?.status()).toBe(pageType.name === 'not found' ? 404 : 200);

        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('main')).toBeVisible();

        const switcher = page
          .getByRole('navigation', { name: /.+/ })
          .filter({ has: page.locator('a[hreflang]') });
        const links = switcher.getByRole('link');
        await expect(links).toHaveCount(locales.length);
        for (const other of locales) {
          const link = switcher.locator(`a[hreflang="${other}"]`);
          await expect(link).toHaveAttribute('lang', other);
          await expect(link).toHaveText(localeInfo[other].autonym);
        }
        await expect(switcher.locator('[aria-current="true"]')).toHaveAttribute('hreflang', locale);
      });
    }

    if (localeInfo[locale].completeness === 'partial') {
      test('marks Vietnamese fallback with lang="vi" and says so in one line', async ({ page }) => {
        await page.goto(`/${locale}/procedures/register-birth`);
        await expect(page.locator('main [lang="vi"]').first()).toBeAttached();
        await expect(page.locator('[data-translation-notice]')).toHaveCount(1);
      });
    } else {
      test('shows no translation notice', async ({ page }) => {
        await page.goto(`/${locale}/procedures/register-birth`);
        await expect(page.locator('[data-translation-notice]')).toHaveCount(0);
      });
    }
  });
}

test.describe('a phone set to Vietnamese', () => {
  test.use({ locale: 'vi-VN' });
  test('is sent from the root address to Vietnamese', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/vi$/);
  });
});

test.describe('a browser set to English', () => {
  test.use({ locale: 'en-US' });
  test('is sent from the root address to English', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
  });
});

test('an unknown procedure gets the localized not-found page as real HTML', async ({ page }) => {
  const response = await page.goto('/tyz/procedures/no-such-procedure');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'tyz');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.getByRole('searchbox')).toBeVisible();
});

// A mistyped short link used to go home silently: it says the address is unknown, 404, with the way on;
// /q/ carries no language, so Vietnamese.
const notFoundCopy = {
  vi: { title: 'Không tìm thấy trang', home: 'Về trang chủ để chọn việc bạn cần làm' },
};
for (const [path, lang] of [
  ['/q/zzz', 'vi'],
  ['/vi/screens/nope', 'vi'],
] as const) {
  test(`${path} is not found, with the way home`, async ({ page, browser }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFoundCopy[lang].title);
    await expect(page.getByRole('link', { name: notFoundCopy[lang].home })).toHaveAttribute(
      'href',
      `/${lang}`,
    );
    await expectNoAxeViolations(browser, await pageSource(page));
  });
}

test('an unknown language gets a not-found page, not a crash', async ({ page }) => {
  const response = await page.goto('/xx/procedures/register-birth');
  expect(response?.status()).toBe(404);
});

test('security headers on pages and API routes', { tag: '@http' }, async ({ request }) => {
  for (const path of ['/vi', '/en/procedures/register-birth', '/vi/track', '/api/health']) {
    const headers = (await request.get(path)).headers();
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp, `${path}: ${directive}`).toContain(directive);
    }
    expect(headers['strict-transport-security'], path).toContain('max-age=');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
  }
  // The build's stylesheet: transport headers only (document policies on it would only cost bytes).
  const html = await (await request.get('/vi')).text();
  const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  expect(stylesheet).toBeTruthy();
  const css = (await request.get(stylesheet!)).headers();
  expect(css['strict-transport-security']).toContain('max-age=');
  expect(css['x-content-type-options']).toBe('nosniff');
  expect(css['content-security-policy']).toBeUndefined();
  // A recording's poster and captions likewise; the screen's service worker (a script that runs) keeps all.
  for (const path of [
    '/media/samples/register-birth-video-vi.jpg',
    '/media/samples/register-birth-video-vi.vi.vtt',
  ]) {
    const media = (await request.get(path)).headers();
    expect(media['x-content-type-options'], path).toBe('nosniff');
    expect(media['strict-transport-security'], path).toContain('max-age=');
    expect(media['content-security-policy'], path).toBeUndefined();
  }
  const worker = (await request.get('/screen-sw.js')).headers();
  expect(worker['content-security-policy']).toContain("object-src 'none'");
});

test(
  'language alternates are in the sitemap, not in a header on every page',
  { tag: '@http' },
  async ({ request }) => {
    expect((await request.get('/vi/procedures/register-birth')).headers()['link']).toBeUndefined();
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: .+\/sitemap\.xml$/m);
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const entry = sitemap.match(
      /<url>\s*<loc>[^<]*\/hmn\/procedures\/register-birth<\/loc>[\s\S]*?<\/url>/,
    )?.[0];
    expect(entry, 'the Hmong birth registration guide is listed').toBeTruthy();
    for (const locale of ['vi', 'hmn', 'tyz', 'ium', 'nut', 'en']) {
      expect(entry).toContain(`hreflang="${locale}"`);
      expect(entry).toContain(`/${locale}/procedures/register-birth"`);
    }
    // Pages belonging to one person are never listed.
    expect(sitemap).not.toMatch(/\/(apply|receipts|track\/)[^"<]*</);
  },
);

test(
  'information pages are served prerendered, and a shared cache may keep them',
  { tag: '@http' },
  async ({ request }) => {
    for (const path of [
      '/vi',
      '/hmn/life-events/having-a-baby',
      '/en/procedures/register-birth',
      '/tyz/procedures/birth-bundle',
      '/nut/procedures/register-birth/apply',
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      // Next.js's own markers of a page served from its prerendered copy (docs/adr/0012).
      expect(headers['x-nextjs-prerender'], path).toBeTruthy();
      expect(headers['x-nextjs-cache'], path).toMatch(/^(HIT|STALE)$/);
      expect(headers['cache-control'], path).toMatch(/(^|, )s-maxage=\d+/);
      expect(headers['cache-control'], path).not.toMatch(/private|no-store/);
    }
  },
);

test('pages showing an application are never stored by a cache', async ({ page }) => {
  const noStore = async (paths: readonly string[]) => {
    for (const path of paths) {
      // page.request shares the browser's cookies: each page is shown to the session that applied.
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toContain('no-store');
    }
  };
  const first = visibleQuestions(findJourney('cultural-family-title')!, {})[0]!.question.id;
  await startAndAnswerAll(page, 'cultural-family-title');
  await noStore([
    '/vi/apply/cultural-family-title',
    `/vi/apply/cultural-family-title/q/${first}`,
    '/vi/apply/cultural-family-title/check',
  ]);
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
  await noStore([
    '/vi/apply/cultural-family-title/confirmation',
    `/vi/receipts/${reference}`,
    `/vi/track/${reference}`,
    '/vi/track',
    '/vi/apply/resume',
  ]);
  // Staff pages too: the sign-in page, and once signed in, the account and the operations page.
  await noStore(['/vi/staff/sign-in', '/vi/staff/second-factor']);
  await signInAsAdmin(page);
  await noStore(['/vi/staff/account', '/vi/ops']);
});

test(
  'every response carries a request id, and a well-formed incoming one is kept',
  { tag: '@http' },
  async ({ request }) => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const seen = new Set<string>();
    const responses = [
      ...(await Promise.all(
        [
          '/vi',
          '/en/procedures/register-birth',
          '/vi/search?q=sinh',
          '/vi/track',
          '/vi/no-such-page',
          '/',
          '/vi/ops',
          '/api/health',
        ].map(async (path) => ({ path, response: await request.get(path, { maxRedirects: 0 }) })),
      )),
      {
        path: 'a form post the proxy refuses',
        response: await request.post('/vi/apply/resume', {
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          data: 'not a multipart body',
        }),
      },
    ];
    for (const { path, response } of responses) {
      const id = response.headers()['x-request-id'] ?? '';
      expect(id, `${path} (${response.status()})`).toMatch(uuid);
      expect(seen.has(id), path).toBe(false);
      seen.add(id);
    }

    for (const path of ['/vi/procedures/register-birth', '/vi/track', '/api/health']) {
      const response = await request.get(path, { headers: { 'x-request-id': 'lb-0f3a9c2e71d84b56' } });
      expect(response.headers()['x-request-id'], path).toBe('lb-0f3a9c2e71d84b56');
    }
    // Anything else is replaced, so that a client cannot write into the logs through it.
    for (const incoming of ['short', 'not an id at all', 'x'.repeat(200)]) {
      const response = await request.get('/vi', { headers: { 'x-request-id': incoming } });
      expect(response.headers()['x-request-id'], incoming).toMatch(uuid);
    }
  },
);
