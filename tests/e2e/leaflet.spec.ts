import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { decodeQr } from '../support/qr';
import { signInAsAdmin } from '../support/staff';

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
/** Paper sizes in CSS pixels (96 per inch), less the leaflet's 10 mm margins. */
const MM = 96 / 25.4;
const paper = {
  A4: { width: Math.round((210 - 20) * MM), height: Math.round((297 - 20) * MM) },
  A5: { width: Math.round((148 - 20) * MM), height: Math.round((210 - 20) * MM) },
} as const;

/** The scan count the operations page shows, read by a province admin signed in on `staff`. */
async function scans(staff: import('@playwright/test').Page, code: string, place: string) {
  const response = await staff.request.get('/vi/ops');
  const html = await response.text();
  const row = new RegExp(`/q/${code}</td>.*?<td[^>]*>${place}</td><td[^>]*>(\\d+)</td>`).exec(html);
  return Number(row?.[1] ?? 0);
}

// The leaflet as it prints, at A4 and A5, in Vietnamese and in Hmong: one page, the site chrome gone, big
// type, a QR code large enough to scan from paper that decodes to the short link printed under it.
for (const locale of ['vi', 'hmn'] as const) {
  for (const format of ['A4', 'A5'] as const) {
    test(`${locale} ${format}: the birth registration leaflet prints on one page with a QR code that scans`, async ({
      page,
    }) => {
      test.skip(test.info().project.name === 'no-js', 'Printing is the same with and without JavaScript');
      await page.setViewportSize(paper[format]);
      await page.goto(`/${locale}/procedures/register-birth/leaflet`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('heading', { name: 'In tờ hướng dẫn' })).toBeHidden();
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toHaveText(locale === 'hmn' ? 'Sau npe yug menyuam' : 'Đăng ký khai sinh');
      // Big type: the title at least 18 pt, the steps at least 10 pt (A5) or 12 pt (A4).
      const size = (el: import('@playwright/test').Locator) =>
        el.evaluate((node) => parseFloat(getComputedStyle(node).fontSize) * 0.75);
      expect(await size(title)).toBeGreaterThanOrEqual(18);
      expect(await size(page.locator('article ol'))).toBeGreaterThanOrEqual(format === 'A5' ? 10 : 12);
      await expect(page.locator('article ol > li')).toHaveCount(3);

      const qr = page.getByRole('img', { name: /QR/ });
      const box = (await qr.boundingBox())!;
      // At least 35 mm across on paper: scans from arm's length with a cheap camera.
      expect(box.width / MM).toBeGreaterThanOrEqual(35);
      // Everything fits on the sheet (no second page).
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThanOrEqual(paper[format].height);

      const decoded = await decodeQr(qr);
      const code = locale === 'hmn' ? 'ksh' : 'ksv';
      expect(new URL(decoded!).pathname).toBe(`/q/${code}`);
      // The link printed under the code is the one it holds, without the scheme.
      await expect(page.locator('article figure figcaption')).toContainText(
        decoded!.replace(/^https?:\/\//, ''),
      );

      await test.info().attach(`leaflet-${locale}-${format}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pages(pdf), format).toBe(1);
      await test
        .info()
        .attach(`leaflet-${locale}-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });

      // The villager scans it: the short link lands on the same guide, in the same language, with a
      // recording to listen to.
      await page.emulateMedia({ media: 'screen' });
      await page.goto(new URL(decoded!).pathname);
      await expect(page).toHaveURL(new RegExp(`/${locale}/procedures/register-birth$`));
      await expect(page.locator(`audio[src$="-${locale}.mp3"]`)).toHaveCount(1);
    });
  }
}

test('a leaflet for a place: the short link carries the place, redirects to the guide and counts the scan', async ({
  page,
  request,
  browser,
}) => {
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await signInAsAdmin(staff);
  await page.goto('/hmn/life-events/having-a-baby/leaflet');
  await page.getByLabel(/In cho nơi dán/).fill(`Chợ phiên ${test.info().project.name}`);
  await page.getByRole('button', { name: 'Tạo tờ cho nơi này' }).click();
  const place = `cho-phien-${test.info().project.name}`;
  await expect(page).toHaveURL(new RegExp(`/hmn/life-events/having-a-baby/leaflet/${place}$`));
  const printed = page.locator('article figure figcaption');
  await expect(printed).toContainText(`/q/sch/${place}`);

  const before = await scans(staff, 'sch', place);
  // Scanning is a plain GET of the short link: the phone lands on the same guide in the same language.
  const scan = await request.get(`/q/sch/${place}`, { maxRedirects: 0 });
  expect(scan.status()).toBe(302);
  expect(scan.headers()['cache-control']).toContain('no-store');
  expect(new URL(scan.headers()['location']!).pathname).toBe('/hmn/life-events/having-a-baby');
  expect(scan.headers()['set-cookie']).toBeUndefined();
  await page.goto(`/q/sch/${place}`);
  await expect(page).toHaveURL(/\/hmn\/life-events\/having-a-baby$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn');
  expect(await scans(staff, 'sch', place)).toBe(before + 2);

  // A link preview (HEAD) is not a scan; an unknown code is not found (tests/e2e/pages.spec.ts).
  expect((await request.head(`/q/sch/${place}`, { maxRedirects: 0 })).status()).toBe(302);
  expect(await scans(staff, 'sch', place)).toBe(before + 2);
  expect((await request.get('/q/zzz', { maxRedirects: 0 })).status()).toBe(404);
  await staffContext.close();
});

test('the leaflet page: its h1 comes first, and the QR code is an image named after what it opens', async ({
  page,
}) => {
  await page.goto('/hmn/procedures/register-birth/leaflet');
  const levels = await page
    .getByRole('main')
    .getByRole('heading')
    .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
  // The <svg> itself is named, not a wrapper around it.
  const qr = page.getByRole('img', { name: /QR.*\/q\/ksh/ });
  await expect(qr).toHaveCount(1);
  expect(await qr.evaluate((node) => node.tagName.toLowerCase())).toBe('svg');
});
