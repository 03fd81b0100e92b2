import { expect, test } from '@playwright/test';
import { baseURL, E2E_STAFF } from '../../playwright.config';
import { locales } from '@/i18n/locales';
import { createAuditor, pageSource } from '../support/axe';
import { decodeQr } from '../support/qr';
import { enterPassword, signInAsAdmin } from '../support/staff';

// Helper devices (docs/adr/0028), with JavaScript on and off: a team leader adds a helper who has no
// password and makes a QR code; the helper's laptop opens it and enrols with a PIN; the PIN unlocks the
// laptop again after signing out; the leader revokes it and the laptop is told so at its next request.

const PIN = '482916';

async function signInAsLeader(page: import('@playwright/test').Page) {
  await enterPassword(page, E2E_STAFF.leader(test.info().project.name));
  await expect(page).toHaveURL(/\/staff\/account$/);
}

test('a leader enrols a helper’s laptop by QR code, the PIN unlocks it, revoking it refuses it at once', async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const project = testInfo.project.name.replace(/[^a-z]/g, '');
  const username = `pao.${project}.${Date.now().toString(36)}`;
  await signInAsLeader(page);
  await page.getByRole('link', { name: 'Tổ và thiết bị' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thiết bị của tổ');

  // A helper without a password; a user name that breaks the rule is said next to its field.
  await page.getByLabel('Họ và tên').fill('Lò Văn Pao');
  await page.getByLabel('Tên đăng nhập').fill('Lò Văn Pao');
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  await expect(page.locator('#username-error')).toContainText('Tên đăng nhập: từ 3 đến 40');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Họ và tên').fill('Lò Văn Pao');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  await expect(page.getByRole('status')).toContainText('Lò Văn Pao đã vào tổ');

  // The QR code for his laptop.
  const member = page.getByLabel('Thành viên', { exact: true });
  const value = await member.locator('option', { hasText: username }).getAttribute('value');
  await member.selectOption(value!);
  await page.getByLabel('Tên thiết bị').fill(`Laptop ${username}`);
  await page.getByRole('button', { name: 'Tạo mã QR' }).click();
  await expect(page.getByRole('status')).toContainText(`Mã QR của “Laptop ${username}”`);
  const qr = page.getByRole('img', { name: `Mã QR để đăng ký thiết bị Laptop ${username}` });
  const url = await decodeQr(qr);
  expect(url).toMatch(new RegExp(`^${baseURL}/vi/staff/device\\?token=[A-Za-z0-9_-]{43}$`));

  // The helper's laptop: a browser of its own.
  const laptop = await browser.newContext({
    baseURL,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const helper = await laptop.newPage();
  try {
    await helper.goto(url!);
    await expect(helper.getByRole('heading', { level: 1 })).toHaveText('Đăng ký thiết bị này');
    await expect(helper.getByText(`Thiết bị “Laptop ${username}” của Lò Văn Pao`)).toBeVisible();
    await helper.getByLabel('Mã PIN (6 chữ số)').fill('123456');
    await helper.getByLabel('Nhập lại mã PIN').fill('123456');
    await helper.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await expect(helper.locator('#pin-error')).toHaveText(/không phải một chữ số lặp lại/);
    await expect(helper).toHaveTitle(/^\(1 lỗi\)/);
    await helper.getByLabel('Mã PIN (6 chữ số)').fill(PIN);
    await helper.getByLabel('Nhập lại mã PIN').fill(PIN);
    await helper.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await expect(helper).toHaveURL(/\/vi\/staff\/assist$/);

    // The QR code works once: scanning it again enrols nothing.
    const other = await browser.newContext({ baseURL });
    const stranger = await other.newPage();
    await stranger.goto(url!);
    await expect(stranger.getByText('Mã QR này đã dùng hoặc đã hết hạn')).toBeVisible();
    await other.close();

    // Signed out, the laptop asks for the PIN, not a password; a wrong PIN is said next to the field.
    await helper.goto('/vi/staff/account');
    await expect(helper.getByText(`Phiên này mở trên thiết bị “Laptop ${username}”`)).toBeVisible();
    await helper.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect(helper).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
    await helper.goto('/vi/staff/assist');
    await expect(helper).toHaveURL(/\/vi\/staff\/device$/);
    await helper.getByLabel('Mã PIN (6 chữ số)').fill('000001');
    await helper.getByRole('button', { name: 'Mở', exact: true }).click();
    await expect(helper.locator('#pin-error')).toHaveText('Mã PIN không đúng');
    await helper.getByLabel('Mã PIN (6 chữ số)').fill(PIN);
    await helper.getByRole('button', { name: 'Mở', exact: true }).click();
    await expect(helper).toHaveURL(/\/vi\/staff\/assist$/);

    // The leader revokes it: the laptop's session ends at its next request, and its PIN is refused.
    await page.goto('/vi/staff/team');
    await expect(page.getByText(new RegExp(`Laptop ${username}: đăng ký ngày`))).toBeVisible();
    await page.getByRole('button', { name: `Thu hồi “Laptop ${username}”` }).click();
    await expect(page.getByRole('status')).toContainText('1 phiên đã kết thúc');
    await helper.goto('/vi/staff/assist');
    await expect(helper).toHaveURL(/\/vi\/staff\/device$/);
    await helper.getByLabel('Mã PIN (6 chữ số)').fill(PIN);
    await helper.getByRole('button', { name: 'Mở', exact: true }).click();
    await expect(helper.locator('#pin-error')).toContainText('Tổ trưởng đã thu hồi thiết bị này');
  } finally {
    await laptop.close();
  }
});

test('a helper cannot open the team page', async ({ page }) => {
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);
  await page.goto('/vi/staff/team');
  await expect(page).toHaveURL(/\/staff\/forbidden$/);
});

test('a Tân Quang leader who posts another commune’s device id is refused, and the device lives on', async ({
  page,
  browser,
}, testInfo) => {
  test.skip(!testInfo.project.use.javaScriptEnabled, 'the forged form is made with a script');
  // The province admin makes a device for a Nậm Dần helper.
  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  await signInAsAdmin(adminPage);
  await adminPage.goto('/vi/staff/team');
  const label = `Nam Dan ${Date.now().toString(36)}`;
  const member = adminPage.getByLabel('Thành viên', { exact: true });
  const helper = E2E_STAFF.signOut(testInfo.project.name);
  await member.selectOption(
    (await member.locator('option', { hasText: `(${helper})` }).getAttribute('value'))!,
  );
  await adminPage.getByLabel('Tên thiết bị').fill(label);
  await adminPage.getByRole('button', { name: 'Tạo mã QR' }).click();
  await expect(adminPage.getByRole('status')).toContainText(label);
  const namDanDevice = new URL(adminPage.url()).searchParams.get('issued')!;
  expect(namDanDevice).toMatch(/^[0-9a-f-]{36}$/);

  // The leader's own device gives the page a revoke form; its device id is swapped for Nậm Dần's.
  await signInAsLeader(page);
  await page.goto('/vi/staff/team');
  const own = page.getByLabel('Thành viên', { exact: true });
  const leaderName = E2E_STAFF.leader(testInfo.project.name);
  await own.selectOption(
    (await own.locator('option', { hasText: `(${leaderName})` }).getAttribute('value'))!,
  );
  await page.getByLabel('Tên thiết bị').fill(`Own ${label}`);
  await page.getByRole('button', { name: 'Tạo mã QR' }).click();
  await expect(page.getByRole('status')).toContainText(label);
  const revoke = page.getByRole('button', { name: `Thu hồi “Own ${label}”` });
  await revoke
    .locator('xpath=..')
    .locator('input[name="deviceId"]')
    .evaluate((input, id) => {
      (input as HTMLInputElement).value = id;
    }, namDanDevice);
  await revoke.click();
  await expect(page).toHaveURL(/\/staff\/forbidden$/);
  await adminPage.goto('/vi/staff/team');
  await expect(adminPage.getByRole('button', { name: `Thu hồi “${label}”` })).toBeVisible();
  await admin.close();
});

// One test per language, so that each has its own time budget and the languages spread over the workers.
for (const locale of locales) {
  test(`the team page and the device pages have no axe violations in ${locale}, errors included`, async ({
    page,
    browser,
  }) => {
    test.slow();
    await signInAsLeader(page);
    const anonymous = await browser.newContext({
      baseURL,
      javaScriptEnabled: test.info().project.use.javaScriptEnabled,
    });
    const device = await anonymous.newPage();
    const auditor = await createAuditor(browser);
    try {
      for (const path of ['/staff/team', '/staff/team?error=label', '/staff/team?error=username']) {
        await page.goto(`/${locale}${path}`);
        await auditor.audit(await pageSource(page));
      }
      for (const path of ['/staff/device', '/staff/device?token=used-or-unknown']) {
        await device.goto(`/${locale}${path}`);
        await auditor.audit(await pageSource(device));
      }
    } finally {
      await auditor.close();
      await anonymous.close();
    }
  });
}
