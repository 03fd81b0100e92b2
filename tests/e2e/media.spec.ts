import { expect, test, type Page } from '@playwright/test';
import { localeInfo, locales } from '@/i18n/locales';

/** Requests for audio or video files: none may happen before someone presses play. */
function mediaRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\.(mp4|mp3|m4a|webm|ogg)(\?|$)/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

// Markup of the players in every locale (axe runs on the same pages in tests/a11y): preload="none", one
// captions track per language with its code and own name, the page's language showing by default, a
// transcript and a download link with the size.
for (const locale of locales) {
  test(`${locale}: guide recordings cost nothing until played, with captions, transcript and size`, async ({
    page,
  }) => {
    const requested = mediaRequests(page);
    await page.goto(`/${locale}/procedures/register-birth`);
    await page.waitForLoadState('load');

    const players = page.locator('audio, video');
    await expect(players).toHaveCount(3);
    for (const player of await players.all()) await expect(player).toHaveAttribute('preload', 'none');

    const tracks = page.locator('video track[kind="captions"]');
    await expect(tracks).toHaveCount(3);
    const languages = await Promise.all(
      (await tracks.all()).map(async (t) => ({
        lang: await t.getAttribute('srclang'),
        label: await t.getAttribute('label'),
        on: (await t.getAttribute('default')) !== null,
      })),
    );
    expect(languages.map((l) => l.lang).sort()).toEqual(['en', 'hmn', 'vi']);
    for (const l of languages) expect(l.label).toBe(localeInfo[l.lang as keyof typeof localeInfo].autonym);
    const shownByDefault = languages.filter((l) => l.on).map((l) => l.lang);
    expect(shownByDefault).toEqual([['en', 'hmn'].includes(locale) ? locale : 'vi']);

    // Every recording links its transcript, which exists on the page, and says its size.
    const transcriptLinks = page.getByRole('link', { name: /Đọc lời thoại|Read the words/ });
    await expect(transcriptLinks).toHaveCount(3);
    for (const link of await transcriptLinks.all()) {
      const target = (await link.getAttribute('href'))!;
      await expect(page.locator(target)).toHaveCount(1);
    }
    await expect(
      page.getByRole('link', { name: /(Tải video về|Download the video) \(0[,.]2 MB\)/ }),
    ).toHaveAttribute('href', '/media/samples/register-birth-video-vi.mp4');

    expect(requested, 'no audio or video bytes before play').toEqual([]);
  });
}

test('pressing play is what fetches the recording (the check above can fail)', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'Starts playback from a script');
  const requested = mediaRequests(page);
  await page.goto('/vi/procedures/register-birth');
  await page.waitForLoadState('load');
  expect(requested).toEqual([]);
  await page
    .locator('audio')
    .first()
    .evaluate((audio: HTMLAudioElement) => audio.play());
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  expect(requested[0]).toContain('/media/samples/register-birth-audio-vi.mp3');
});

test('Hmong, with a recording but little text, puts the Hmong recording first, with pictures', async ({
  page,
}) => {
  await page.goto('/hmn/procedures/register-birth');
  const listen = page.getByRole('region', { name: 'Mloog cov lus qhia' });
  await expect(listen).toBeVisible();
  await expect(listen.locator('audio')).toHaveAttribute('src', '/media/samples/register-birth-audio-hmn.mp3');
  await expect(listen).toContainText('Suab hais ua Lus Hmoob');
  await expect(listen.getByText('Bản ghi mẫu')).toBeVisible();
  // The recording comes before the (Vietnamese) text of the guide.
  const order = await page.locator('main').innerText();
  expect(order.indexOf('Mloog cov lus qhia')).toBeLessThan(order.indexOf('Làm giấy khai sinh cho con.'));
  // The transcript is the draft Hmong script, marked as a draft in the markup.
  const transcript = page.locator('#transcript-register-birth-audio-hmn');
  await expect(transcript).toHaveAttribute('lang', 'hmn');
  await expect(transcript).toHaveAttribute('data-translation-status', 'draft');
  await expect(transcript).toContainText('Sau npe yug menyuam');
  // Vietnamese, with its full text, has no such section.
  await page.goto('/vi/procedures/register-birth');
  await expect(page.getByRole('heading', { name: 'Nghe và xem hướng dẫn' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Nghe hướng dẫn' })).toHaveCount(0);
});

test('the languages page shows what each language has, and the footer links to it', async ({ page }) => {
  await page.goto('/en');
  await page.getByRole('link', { name: 'Languages and translations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The portal's languages");
  const table = page.getByRole('table', { name: 'What each language has' });
  const hmong = table.getByRole('row', { name: /Lus Hmoob/ });
  // Hmong: one of 22 guides has audio (a sample, so a draft): 4.5 %.
  await expect(hmong.getByRole('cell').nth(2)).toContainText('4.5 %');
  await expect(hmong.getByRole('cell').nth(2)).toContainText('of which draft: 4.5 %');
  await expect(
    table
      .getByRole('row', { name: /Tiếng Việt/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('100 %');
});
