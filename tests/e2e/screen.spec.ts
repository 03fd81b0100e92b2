import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { createAuditor, pageSource, WCAG_TAGS } from '../support/axe';
import { signInAsAdmin } from '../support/staff';

// Office screens need JavaScript (they play video unattended); a person never fills in anything there.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'The screen player is a script');

const nowPlaying = (page: Page, n: number) => page.getByText(`Đang phát ${n} trên 3`);

/** Jumps the playing video to its last moments, so the test need not sit through it. */
async function finishCurrentVideo(page: Page) {
  const video = page.locator('video[data-playing]');
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.currentTime = Math.max(0, v.duration - 0.2);
  });
}

async function expectPlayingWithCaptions(page: Page) {
  const video = page.locator('video[data-playing]');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.muted)).toBe(true);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => [...v.textTracks].some((t) => t.mode === 'showing')))
    .toBe(true);
}

test('a screen loops its playlist, muted with captions, each video beside a QR code to its guide', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto('/screens/tan-quang-1');
  await expect(page).toHaveURL(/\/vi\/screens\/tan-quang-1$/);
  await expect(nowPlaying(page, 1)).toBeVisible();
  const audit = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  for (const [n, title] of [
    [1, 'Đăng ký khai sinh'],
    [2, 'Đăng ký kết hôn'],
    [3, 'Đăng ký khai tử'],
    [1, 'Đăng ký khai sinh'],
  ] as const) {
    await expect(nowPlaying(page, n)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectPlayingWithCaptions(page);
    await expect(page.getByRole('img', { name: /\/q\/k[shtv]v\/screen-tan-quang-1$/ })).toBeVisible();
    await finishCurrentVideo(page);
  }
  await context.close();
});

test('a video that fails is skipped', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
  });
  await context.route('**/media/samples/register-marriage-video-vi.mp4', (route) => route.abort());
  const page = await context.newPage();
  await page.goto('/vi/screens/tan-quang-1');
  await expect(nowPlaying(page, 1)).toBeVisible();
  await finishCurrentVideo(page);
  await expect(nowPlaying(page, 3)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai tử');
  await expectPlayingWithCaptions(page);
  await context.close();
});

test('a screen keeps playing with the network cut, reloads from its cache, and carries on when it returns', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/vi/screens/nam-dan-1');
  await expect(nowPlaying(page, 1)).toBeVisible();
  // Hmong captions first on this screen (a rotating playlist), with the guide's title in Hmong.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sau npe yug menyuam');
  // Wait until the service worker controls the page and every file of the playlist is in the cache.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('motcua-screen-v1');
        const want = [
          '/vi/screens/nam-dan-1',
          '/media/samples/register-birth-video-vi.mp4',
          '/media/samples/register-death-video-vi.mp4',
          '/media/samples/register-birth-video-vi.hmn.vtt',
        ];
        return (await Promise.all(want.map((u) => cache.match(u)))).every(Boolean);
      }),
    )
    .toBe(true);

  await context.setOffline(true);
  await expect(
    page.evaluate(() =>
      fetch('/api/health').then(
        () => 'online',
        () => 'offline',
      ),
    ),
  ).resolves.toBe('offline');
  await finishCurrentVideo(page);
  await expect(nowPlaying(page, 2)).toBeVisible();
  await expectPlayingWithCaptions(page);

  // Reloading with no network: the page, its scripts and its media come from the cache, not an error page.
  await page.reload();
  await expect(nowPlaying(page, 1)).toBeVisible();
  await expectPlayingWithCaptions(page);
  await finishCurrentVideo(page);
  await expect(nowPlaying(page, 2)).toBeVisible();

  await context.setOffline(false);
  await finishCurrentVideo(page);
  await expect(nowPlaying(page, 3)).toBeVisible();
  await expectPlayingWithCaptions(page);
  await context.close();
});

test('a screen says it is alive and what it plays; the staff list shows it', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
  });
  const screen = await context.newPage();
  await screen.goto('/vi/screens/tan-quang-1');
  await expect(nowPlaying(screen, 1)).toBeVisible();
  const staffContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const staff = await staffContext.newPage();
  const auditor = await createAuditor(browser);
  try {
    await signInAsAdmin(staff);
    await staff.getByRole('link', { name: 'Màn hình ở bộ phận một cửa' }).click();
    const row = staff.locator('tr[data-screen="tan-quang-1"]');
    await expect
      .poll(
        async () => {
          await staff.reload();
          return row.locator('[data-playing]').getAttribute('data-playing');
        },
        { timeout: 15_000 },
      )
      .toBe('register-birth-video-vi:vi');
    await expect(row).toContainText('Đăng ký khai sinh');
    const seen = Date.parse((await row.locator('[data-last-seen]').getAttribute('data-last-seen'))!);
    expect(Date.now() - seen).toBeLessThan(60_000);
    await auditor.audit(await pageSource(staff));
    await staff.goto('/en/staff/screens');
    await auditor.audit(await pageSource(staff));
  } finally {
    await auditor.close();
    await Promise.all([context.close(), staffContext.close()]);
  }
});

test('a screen whose playlist changed loads it again, and keeps only the files its playlist needs', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto('/vi/screens/nam-dan-1');
  await expect(nowPlaying(page, 1)).toBeVisible();
  // Files an earlier playlist or build left in the cache.
  await page.evaluate(async () => {
    const cache = await caches.open('motcua-screen-v1');
    await cache.put('/media/samples/an-old-video.mp4', new Response('old'));
    await cache.put('/_next/static/chunks/an-old-build.js', new Response('old'));
  });
  // The portal answers with another playlist's version (as after a change in the database): the screen
  // loads its page again, and what its playlist does not need is pruned.
  let reloaded = false;
  await context.route('**/api/screens/nam-dan-1/seen', async (route) => {
    if (reloaded) return route.continue();
    await route.fulfill({ json: { version: 'another-playlist' } });
  });
  await page.waitForEvent('load', { timeout: 15_000 });
  reloaded = true;
  await expect(nowPlaying(page, 1)).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('motcua-screen-v1');
        return {
          old: Boolean(
            (await cache.match('/media/samples/an-old-video.mp4')) ??
            (await cache.match('/_next/static/chunks/an-old-build.js')),
          ),
          needed: Boolean(await cache.match('/media/samples/register-birth-video-vi.mp4')),
        };
      }),
    )
    .toEqual({ old: false, needed: true });
  await context.close();
});

test('what a screen says is checked: a bad body is a 400, an unknown screen a 404', async ({ request }) => {
  const seen = (screen: string, data: unknown) => request.post(`/api/screens/${screen}/seen`, { data });
  expect((await seen('tan-quang-1', { playing: 'register-birth-video-vi:vi' })).status()).toBe(200);
  expect(await (await seen('tan-quang-1', { playing: null })).json()).toMatchObject({
    version: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  for (const bad of [{}, { playing: 'nope:vi' }, { playing: 'register-birth-video-vi:fr' }, 'x']) {
    expect((await seen('tan-quang-1', bad)).status(), JSON.stringify(bad)).toBe(400);
  }
  expect((await seen('no-such-screen', { playing: null })).status()).toBe(404);
  expect((await seen('tan-quang-1', { playing: 'x'.repeat(2000) })).status()).toBe(413);
});
