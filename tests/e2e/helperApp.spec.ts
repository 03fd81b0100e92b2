import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { baseURL, E2E_STAFF, simulatorURL } from '../../playwright.config';
import { locales } from '@/i18n/locales';
import { WCAG_TAGS } from '../support/axe';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { decodeQr } from '../support/qr';
import { enterPassword } from '../support/staff';

// The helper app offline (docs/adr/0029), in a persistent browser profile as a village-hall laptop keeps
// it: enrolled by the leader's QR code, it opens and captures three villagers' applications with the
// network unplugged, keeps them through a browser restart, prints their final receipt numbers, and sends
// them when the network comes back: each reaches the province once, however often its request is replayed.
// The app needs JavaScript, so this runs in the js project only.

const PIN = '482916';

/** Answers to the register-birth questions for one villager, as a helper types them. */
function villager(name: string, bornAt: 'home' | 'health-facility' = 'home'): Record<string, string> {
  const born = new Date(Date.now() - 9 * 86_400_000);
  return {
    'relationship-to-child': 'mother',
    'applicant-name': name,
    'applicant-sex': 'female',
    'applicant-dob-day': '12',
    'applicant-dob-month': '3',
    'applicant-dob-year': '1995',
    'applicant-cid': '002195012345',
    'applicant-phone': '0912 345 678',
    'child-name': `Vàng Thị ${name.split(' ').pop()}`,
    'child-sex': 'female',
    'child-dob-day': String(born.getDate()),
    'child-dob-month': String(born.getMonth() + 1),
    'child-dob-year': String(born.getFullYear()),
    'child-birthplace': bornAt,
    'birth-witness-name': 'Lò Văn Tủa',
    'mother-name': name,
    'mother-dob-year': '1995',
    'mother-cid': '002195012345',
    'parents-married': 'yes',
    'father-declared': 'yes',
    'father-name': 'Vàng Seo Páo',
    'father-dob-year': '1990',
    'father-cid': '002090123456',
    'office-commune': 'tan-quang',
  };
}

/** Answers screen after screen until the check page, from what each screen asks. */
async function answerAll(page: Page, answers: Record<string, string>) {
  for (let screen = 0; screen < 40; screen += 1) {
    if (await page.locator('#check-title').isVisible()) return;
    const form = page.locator('form').last();
    const radios = form.locator('input[type=radio]');
    if ((await radios.count()) > 0) {
      const name = (await radios.first().getAttribute('name'))!;
      await form.locator(`#${name}-${answers[name]}`).check();
    } else {
      for (const input of await form.locator('input, select').all()) {
        const name = (await input.getAttribute('name'))!;
        if ((await input.getAttribute('type')) === 'file') {
          await input.setInputFiles({
            name: 'giay-chung-sinh.jpg',
            mimeType: 'image/jpeg',
            buffer: await photo(),
          });
          continue;
        }
        const value = answers[name] ?? '';
        if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
        else await input.fill(value);
      }
    }
    await form.locator('[data-action=continue]').click();
  }
  throw new Error('never reached the check page');
}

/** The tracking address each slip's QR code carries, by reference. */
const slips = new Map<string, string>();

/** A phone photo of a paper: 2400×1800, about a megabyte, which the app makes smaller before keeping. */
let photoBytes: Buffer | undefined;
async function photo(): Promise<Buffer> {
  photoBytes ??= await sharp({
    create: {
      width: 2400,
      height: 1800,
      channels: 3,
      background: '#ffffff',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  return photoBytes;
}

async function capture(
  page: Page,
  name: string,
  bornAt: 'home' | 'health-facility' = 'home',
): Promise<string> {
  await page.getByRole('button', { name: 'Hồ sơ mới cho người khác' }).click();
  await page.getByLabel('Thủ tục').selectOption('register-birth');
  await page.getByLabel('Nhà văn hoá').fill('Nhà văn hoá bản Khun');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  // Silence is not consent: going on without the box ticked is refused next to it.
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.locator('#agreed-error')).toBeVisible();
  await page.getByLabel('Ngôn ngữ đã đọc cho người nộp nghe').selectOption('hmn');
  await page.getByLabel(/Tôi đã đọc nội dung trên/).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await answerAll(page, villager(name, bornAt));
  await page.getByRole('button', { name: 'Giữ trên thiết bị và in phiếu' }).click();
  const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
  expect(reference).toMatch(/^[A-Z0-9]{8}$/);
  // The slip's QR code opens tracking with its key, drawn on the device.
  const qr = page.getByRole('img', { name: /^Mã QR: trang tra cứu hồ sơ/ });
  await expect(qr.locator('svg')).toBeVisible();
  const tracking = await decodeQr(qr);
  expect(tracking).toMatch(new RegExp(`^${baseURL}/vi/track/${reference}\\?k=[A-Z2-9]{20}$`));
  slips.set(reference, tracking!);
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  return reference;
}

async function laptop(profile: string, offline = false): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL,
    offline,
  });
}

test('a helper’s laptop captures three applications offline, keeps them through a restart, and sends each once', async ({
  page,
}, testInfo) => {
  test.skip(!testInfo.project.use.javaScriptEnabled, 'the helper app needs JavaScript');
  test.slow();
  const profile = mkdtempSync(path.join(tmpdir(), 'helper-laptop-'));
  let context: BrowserContext | null = null;
  try {
    // The leader makes a QR code for their own laptop (a leader is on the team too).
    await enterPassword(page, E2E_STAFF.leader(testInfo.project.name));
    await expect(page).toHaveURL(/\/staff\/account$/);
    await page.goto('/vi/staff/team');
    const member = page.getByLabel('Thành viên', { exact: true });
    const leader = E2E_STAFF.leader(testInfo.project.name);
    await member.selectOption(
      (await member.locator('option', { hasText: `(${leader})` }).getAttribute('value'))!,
    );
    const label = `Hall laptop ${Date.now().toString(36)}`;
    await page.getByLabel('Tên thiết bị').fill(label);
    await page.getByRole('button', { name: 'Tạo mã QR' }).click();
    const url = await decodeQr(page.getByRole('img', { name: `Mã QR để đăng ký thiết bị ${label}` }));

    // Enrolled and opened once online: the app is installed, its receipt numbers reserved.
    context = await laptop(profile);
    let helper = context.pages()[0] ?? (await context.newPage());
    await helper.goto(url!);
    await helper.getByLabel('Mã PIN (6 chữ số)').fill(PIN);
    await helper.getByLabel('Nhập lại mã PIN').fill(PIN);
    await helper.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await expect(helper).toHaveURL(/\/staff\/assist$/);
    await helper.goto('/vi/helper');
    await expect(helper.getByText('Số biên nhận còn trên thiết bị: 25')).toBeVisible({ timeout: 15_000 });
    await helper.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await helper.reload();
    await expect.poll(() => helper.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The hotspot goes: three villagers, one after the other.
    await context.setOffline(true);
    const references: string[] = [];
    // All three born at the health station: each birth notice is photographed.
    for (const name of ['Giàng Thị Mỷ', 'Sùng Thị Dua', 'Thào Thị Xa']) {
      references.push(await capture(helper, name, 'health-facility'));
    }
    expect(new Set(references).size).toBe(3);
    await expect(helper.getByText('3 đang chờ')).toBeVisible();

    // The browser is closed and opened again, still with no network: the app and its queue are there.
    await context.close();
    context = await laptop(profile, true);
    helper = context.pages()[0] ?? (await context.newPage());
    await helper.goto('/vi/helper');
    await expect(helper.getByText('Không có mạng: hồ sơ được giữ trên thiết bị này')).toBeVisible();
    await expect(helper.getByText('3 đang chờ')).toBeVisible();
    for (const reference of references) {
      await expect(helper.locator(`[data-queue-item="${reference}"]`)).toHaveAttribute(
        'data-state',
        'waiting',
      );
    }
    // IndexedDB holds no villager's name in the clear.
    const stored = await helper.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('motcua-helper');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction('dossiers').objectStore('dossiers').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      return JSON.stringify(all);
    });
    expect(stored).not.toContain('Mỷ');
    expect(stored).not.toContain('002195012345');

    // The network comes back: every application is sent, with the number printed on its slip.
    const sent: string[] = [];
    helper.on('request', (request) => {
      if (request.url().includes('/api/helper/v1/dossiers')) sent.push(request.postData()!);
    });
    await context.setOffline(false);
    for (const reference of references) {
      await expect(helper.locator(`[data-queue-item="${reference}"]`)).toHaveAttribute('data-state', 'sent', {
        timeout: 30_000,
      });
    }
    expect(sent).toHaveLength(3);
    // The slip printed in the village opens the dossier's tracking now that it is in.
    await helper.goto(slips.get(references[0]!)!);
    await expect(
      helper.getByText(`${references[0]!.slice(0, 4)}-${references[0]!.slice(4)}`).first(),
    ).toBeVisible();
    await helper.goto('/vi/helper');

    // The afternoon's slips, all at once, each with the QR code printed in the village; one again alone.
    await helper.locator('[data-action=print-all]').click();
    await expect(helper.locator('[data-slip]')).toHaveCount(3);
    await expect(helper.locator('[data-slip-qr] svg')).toHaveCount(3);
    expect((await new AxeBuilder({ page: helper }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
    for (const reference of references) {
      const qr = helper.locator(`[data-slip="${reference}"]`).getByRole('img', { name: /^Mã QR/ });
      await expect(qr.locator('svg')).toBeVisible();
      expect(await decodeQr(qr)).toBe(slips.get(reference));
    }
    await helper.getByRole('button', { name: 'Quay lại danh sách' }).click();
    await helper
      .getByRole('button', { name: `In lại phiếu ${references[1]!.slice(0, 4)}-${references[1]!.slice(4)}` })
      .click();
    expect(await decodeQr(helper.getByRole('img', { name: /^Mã QR/ }))).toBe(slips.get(references[1]!));
    await helper.getByRole('button', { name: 'Quay lại danh sách' }).click();
    // What the province made of each, asked on every sync ("Send now" is one): which villager to go back to.
    await expect
      .poll(
        async () => {
          await helper.locator('[data-action=send]').click();
          return helper.locator('[data-province-status], [data-sent-back]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(3);
    expect((await new AxeBuilder({ page: helper }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);

    // Every sync request replayed 100 times: the same receipt each time.
    for (const body of sent) {
      const reference = (JSON.parse(body) as { reference: string }).reference;
      for (let i = 0; i < 100; i += 1) {
        const replay = await helper.request.post('/api/helper/v1/dossiers?locale=vi', {
          headers: { 'content-type': 'application/json' },
          data: body,
        });
        expect(replay.status()).toBe(200);
        expect(((await replay.json()) as { reference: string }).reference).toBe(reference);
      }
    }
    // Other content under a used UUID: 409, said to the helper.
    const changed = JSON.parse(sent[0]!) as { answers: Record<string, unknown> };
    changed.answers['child-name'] = 'Vàng Thị Hoa';
    const conflict = await helper.request.post('/api/helper/v1/dossiers?locale=vi', {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify(changed),
    });
    expect(conflict.status()).toBe(409);
    expect(((await conflict.json()) as { message: string }).message).toContain('câu trả lời khác');

    // The leader revokes the laptop: its next application is refused, said so, and kept on the laptop.
    await page.goto('/vi/staff/team');
    await page.getByRole('button', { name: `Thu hồi “${label}”` }).click();
    await expect(page.getByRole('status')).toContainText(`Đã thu hồi “${label}”`);
    const kept = await capture(helper, 'Lầu Thị Pàng');
    await helper.locator('[data-action=send]').click();
    await expect(helper.getByText('Tổ trưởng đã thu hồi thiết bị này').first()).toBeVisible({
      timeout: 15_000,
    });
    await expect(helper.locator(`[data-queue-item="${kept}"]`)).toHaveAttribute('data-state', 'waiting');

    // The leader enrols the laptop again: what it kept while revoked is sent, under its slip's number.
    await page.goto('/vi/staff/team');
    await member.selectOption(
      (await member.locator('option', { hasText: `(${leader})` }).getAttribute('value'))!,
    );
    await page.getByLabel('Tên thiết bị').fill(`${label} bis`);
    await page.getByRole('button', { name: 'Tạo mã QR' }).click();
    await helper.goto(
      (await decodeQr(page.getByRole('img', { name: `Mã QR để đăng ký thiết bị ${label} bis` })))!,
    );
    await helper.getByLabel('Mã PIN (6 chữ số)').fill(PIN);
    await helper.getByLabel('Nhập lại mã PIN').fill(PIN);
    await helper.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await expect(helper).toHaveURL(/\/staff\/assist$/);
    await helper.goto('/vi/helper');
    await expect(helper.locator(`[data-queue-item="${kept}"]`)).toHaveAttribute('data-state', 'sent', {
      timeout: 30_000,
    });

    // The province was asked once per dossier, however often the portal was.
    await expect
      .poll(
        async () => {
          const stats = (await (await fetch(`${simulatorURL}/admin/stats`)).json()) as {
            requests: { dossiers: Record<string, number>; files: Record<string, number> };
          };
          const photos = (reference: string) =>
            Object.keys(stats.requests.files).filter((key) => key.startsWith(`${reference}-`)).length;
          return [
            ...[...references, kept].map((r) => stats.requests.dossiers[`${r}-register-birth`] ?? 0),
            ...references.map(photos),
          ];
        },
        { timeout: 30_000 },
      )
      .toEqual([1, 1, 1, 1, 1, 1, 1]);

    // Revoked again with everything sent: the app deletes its data and its key at once, and says so.
    await page.goto('/vi/staff/team');
    await page.getByRole('button', { name: `Thu hồi “${label} bis”` }).click();
    await expect(page.getByRole('status')).toContainText(`Đã thu hồi “${label} bis”`);
    await helper.locator('[data-action=send]').click();
    await expect(helper.getByText('Mọi hồ sơ đã được gửi, nên dữ liệu và khoá mã hoá')).toBeVisible({
      timeout: 15_000,
    });
    await expect(helper.locator('[data-queue-item]')).toHaveCount(0);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the helper app has no axe violations in any language, errors included', async ({ page }, testInfo) => {
  test.skip(!testInfo.project.use.javaScriptEnabled, 'the helper app needs JavaScript');
  test.slow();
  const audit = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
      `${page.url()} ${what}`,
    ).toEqual([]);
  };
  for (const locale of locales) {
    await test.step(locale, async () => {
      await page.goto(`/${locale}/helper`);
      await expect(page.locator('[data-queue-summary]')).toBeVisible();
      await audit('list');
      await page.locator('[data-action=new]').click();
      await page.locator('[data-action=start]').click();
      await expect(page.locator('#placeName-error')).toBeVisible();
      await audit('start, with its error');
      await page.locator('#placeName').fill('Nhà văn hoá bản Khun');
      await page.locator('[data-action=start]').click();
      await page.locator('[data-action=continue]').click();
      await expect(page.locator('#agreed-error')).toBeVisible();
      await audit('consent, with its error');
      await page.locator('#agreed').check();
      await page.locator('[data-action=continue]').click();
      await page.locator('[data-action=continue]').click();
      await expect(page.locator('form [id$="-error"]')).toBeVisible();
      await audit('a question, with its error');
      if (locale === 'vi' || locale === 'en') {
        await answerAll(page, villager('Giàng Thị Mỷ'));
        await audit('check the answers');
      }
    });
  }
  // Signing out deletes the app's database, key included, before the session ends.
  await page.goto('/vi/helper');
  await page.locator('[data-action=sign-out]').click();
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain(
    'motcua-helper',
  );
});
