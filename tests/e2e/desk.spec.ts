import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseURL, E2E_STAFF } from '../../playwright.config';
import { locales } from '@/i18n/locales';
import { answerUntilCheck, declareAndSubmit, startAndAnswerAll, validAnswers } from '../support/apply';
import { createAuditor, pageSource } from '../support/axe';
import { decodeQr } from '../support/qr';
import { enterPassword, signInAsAdmin } from '../support/staff';

// The afternoon's slips and the officer's desk (docs/adr/0027). A Tân Quang helper files for a villager
// and prints the day's slips; the Tân Quang officer finds the dossier by the villager's name typed without
// tone marks, opens it (audited), opens its attachment, marks the originals; the province admin's audit
// log shows who opened it. Both projects run this with the same seeded staff: the villager's name carries
// the project's name, and every assertion looks for its own rows.

async function fileAsHelper(page: Page, villager: string): Promise<string> {
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);
  await page.goto('/vi/staff/assist');
  await page.getByLabel('Thủ tục').selectOption('register-birth');
  await page.getByLabel('Nhà văn hoá thôn, bản').check();
  await page.getByLabel('Tên nhà văn hoá').fill('Nhà văn hoá Bản Khun');
  await page.getByRole('button', { name: 'Bắt đầu hồ sơ cho người này' }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByLabel('Ngôn ngữ đã đọc cho người nộp nghe').selectOption('hmn');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await expect(page).toHaveURL(/\/q\//);
  await answerUntilCheck(page, 'register-birth', { 'applicant-name': villager });
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  return (await page.locator('[data-reference]').getAttribute('data-reference'))!;
}

/** A browser of its own for another staff member, as the project's (JavaScript on or off). */
async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
  });
  const page = await context.newPage();
  await signInAsAdmin(page, 'vi', username);
  return { context, page };
}

const formatted = (reference: string) => `${reference.slice(0, 4)}-${reference.slice(4)}`;

test('a helper prints the day’s slips; the officer finds the dossier by name, opens it and its attachment, marks the originals; the audit log shows who', async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const villager = `Sùng Thị Dế ${testInfo.project.name} ${Date.now() % 100_000}`.replace(
    /\d/g,
    (d) => 'abcdefghij'[Number(d)]!,
  );
  const reference = await fileAsHelper(page, villager);

  // The afternoon's slips: this villager's among them, its QR code opening tracking with the key.
  await page.goto('/vi/staff/assist');
  await page.getByRole('link', { name: 'In biên nhận của hôm nay' }).click();
  await expect(page).toHaveURL(/\/staff\/assist\/slips$/);
  const slip = page.getByRole('listitem').filter({ hasText: formatted(reference) });
  await expect(slip).toContainText('Người nộp: S. T. D.');
  const scanned = await decodeQr(slip.getByRole('img', { name: /Quét mã/ }));
  expect(scanned).toMatch(new RegExp(`/vi/track/${reference}\\?k=`));
  const tracking = await browser.newPage();
  await tracking.goto(scanned!);
  await expect(tracking.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(tracking.getByText(formatted(reference)).first()).toBeVisible();
  await tracking.close();

  // A helper has no desk.
  await page.goto('/vi/staff/desk');
  await expect(page).toHaveURL(/\/staff\/forbidden$/);

  // The officer types the name without tone marks and finds it, the citizen ID masked in the list.
  const officer = await signedIn(browser, E2E_STAFF.officer);
  try {
    const desk = officer.page;
    await desk.getByRole('link', { name: 'Bàn một cửa: tra cứu hồ sơ' }).click();
    const folded = villager.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    await desk.getByLabel('Mã biên nhận, họ tên hoặc số định danh').fill(folded);
    await desk.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = desk.getByRole('row', { name: new RegExp(formatted(reference)) });
    await expect(row).toContainText(villager);
    await expect(row).toContainText('••••••••2345');
    await expect(row).not.toContainText(validAnswers['applicant-cid'] as string);
    await row.getByRole('link', { name: formatted(reference) }).click();

    // Opened: the ID in full, who helped and where, consent read aloud in Hmong, this opening in the history.
    await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ ${formatted(reference)}`);
    await expect(desk.getByText(validAnswers['applicant-cid'] as string).first()).toBeVisible();
    await expect(
      desk.getByText(`Nộp với sự hỗ trợ của ${E2E_STAFF.helper}, tại Nhà văn hoá Bản Khun.`),
    ).toBeVisible();
    await expect(desk.getByText('bằng Lus Hmoob')).toBeVisible();
    const history = desk.getByRole('table', { name: 'Ai đã xem và làm gì với hồ sơ này' });
    await expect(history.getByRole('row', { name: /Mở hồ sơ/ }).first()).toContainText(E2E_STAFF.officer);

    // The birth notice opens for the officer, and for nobody else who asks for the same address.
    const attachment = desk.getByRole('link', { name: /^giay-to\./ });
    const href = (await attachment.getAttribute('href'))!;
    const served = await officer.context.request.get(href);
    expect(served.status()).toBe(200);
    // Re-encoded on upload (docs/adr/0019): the PNG the test sent is kept as a JPEG.
    expect(served.headers()['content-type']).toBe('image/jpeg');
    expect((await page.request.get(href)).status()).toBe(404); // the helper who filed it
    const nobody = await browser.newContext({ baseURL });
    expect((await nobody.request.get(href)).status()).toBe(404);
    await nobody.close();

    await desk.getByRole('button', { name: 'Đã nhận bản gốc' }).click();
    await expect(desk.getByRole('status')).toHaveText('Đã ghi nhận: bản gốc đã được xem.');
    await expect(desk.getByText(/^Đã nhận bản gốc lúc/)).toBeVisible();
    await expect(desk.getByRole('button', { name: 'Đã nhận bản gốc' })).toHaveCount(0);
  } finally {
    await officer.context.close();
  }

  // The province admin's audit log, by reference: the officer opened it, opened the file, saw the originals.
  const admin = await signedIn(browser, E2E_STAFF.admin);
  try {
    await admin.page.goto('/vi/staff/audit');
    await admin.page.getByLabel('Mã biên nhận của hồ sơ').fill(reference.toLowerCase());
    await admin.page.getByRole('button', { name: 'Xem' }).click();
    const log = admin.page.getByRole('table', { name: `Thao tác với hồ sơ ${formatted(reference)}` });
    for (const action of ['Mở hồ sơ', 'Mở giấy tờ đính kèm', 'Ghi nhận đã nhận bản gốc']) {
      await expect(log.getByRole('row', { name: new RegExp(action) }).first()).toContainText(
        E2E_STAFF.officer,
      );
    }
    await expect(log.getByRole('row', { name: /Nộp hồ sơ giúp người dân/ })).toContainText(E2E_STAFF.helper);
  } finally {
    await admin.context.close();
  }
});

test('an officer cannot open another commune’s dossier, by its address or by searching', async ({
  page,
  browser,
}) => {
  await startAndAnswerAll(page, 'register-birth', { 'office-commune': 'nam-dan' });
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
  const officer = await signedIn(browser, E2E_STAFF.officer);
  try {
    await officer.page.goto(`/vi/staff/desk/${reference}`);
    await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy hồ sơ');
    await expect(officer.page.getByText(validAnswers['applicant-cid'] as string)).toHaveCount(0);
    await officer.page.goto(`/vi/staff/desk?q=${reference}`);
    await expect(officer.page.getByRole('status')).toHaveText('Không tìm thấy hồ sơ nào.');
  } finally {
    await officer.context.close();
  }
  // And nobody signed in is sent to sign in.
  await page.goto(`/vi/staff/desk/${reference}`);
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test.describe('the desk, a dossier, the slips and the audit log have no axe violations', () => {
  let reference: string;
  // One dossier per worker for every language's test.
  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(60_000);
    const context = await browser.newContext({
      baseURL,
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    });
    try {
      const page = await context.newPage();
      await startAndAnswerAll(page, 'register-birth');
      await declareAndSubmit(page);
      await expect(page).toHaveURL(/\/confirmation$/);
      reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
    } finally {
      await context.close();
    }
  });

  // One test per language, so that each has its own time budget and the languages spread over the workers.
  for (const locale of locales) {
    test(`in ${locale}`, async ({ browser }) => {
      test.slow();
      const admin = await signedIn(browser, E2E_STAFF.admin);
      const auditor = await createAuditor(browser);
      try {
        for (const path of [
          '/staff/desk',
          '/staff/desk?q=x',
          `/staff/desk/${reference}`,
          '/staff/assist/slips',
          `/staff/audit?reference=${reference}`,
          '/staff/audit?reference=ZZZZ-ZZZZ',
        ]) {
          await admin.page.goto(`/${locale}${path}`);
          await auditor.audit(await pageSource(admin.page));
        }
      } finally {
        await auditor.close();
        await admin.context.close();
      }
    });
  }
});
