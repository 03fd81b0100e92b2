import { expect, test } from '@playwright/test';
import { baseURL, E2E_STAFF } from '../../playwright.config';
import { expectNoAxeViolations, pageSource } from '../support/axe';
import { enterPassword, staffWords } from '../support/staff';
import { totpCode } from '../support/totp';

// Staff accounts (docs/adr/0023), with and without JavaScript: an admin enrols a second factor at first
// sign-in and gives a code every time after; wrong passwords lock an account; "sign out everywhere" ends
// the sessions of every device. Each test has its own seeded account (playwright.config.ts).

const words = staffWords.vi;
const axeHere = async (
  page: import('@playwright/test').Page,
  browser: import('@playwright/test').Browser,
) => {
  // axe runs once, in the js project; the no-js project's markup is the same server HTML.
  if (test.info().project.name === 'js') {
    await expectNoAxeViolations(browser, await pageSource(page));
  }
};

test('a province admin enrols TOTP at first sign-in, then gives a code at every sign-in', async ({
  page,
  browser,
}) => {
  await enterPassword(page, E2E_STAFF.enrol(test.info().project.name));
  await expect(page).toHaveURL(/\/staff\/enrol$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bật xác thực hai bước');
  await expect(
    page.getByRole('img', { name: 'Mã QR để thêm tài khoản Một cửa vào ứng dụng xác thực' }),
  ).toBeVisible();
  const secret = (await page.locator('code').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await axeHere(page, browser);

  // A wrong code: the error is next to the field and in the summary, the title says so.
  await page.getByLabel('Mã 6 chữ số ứng dụng hiện ra').fill('000000');
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page).toHaveTitle(/^\(1 lỗi\)/);
  await expect(page.getByRole('link', { name: /Mã không đúng/ })).toHaveAttribute('href', '#code');
  await expect(page.getByLabel('Mã 6 chữ số ứng dụng hiện ra')).toHaveAttribute('aria-invalid', 'true');
  await axeHere(page, browser);

  await page.getByLabel('Mã 6 chữ số ứng dụng hiện ra').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã bật xác thực hai bước.');
  await expect(page.getByRole('link', { name: 'Trang vận hành' })).toBeVisible();
  await axeHere(page, browser);

  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.');
  await page.goto('/vi/ops');
  await expect(page).toHaveURL(/\/staff\/sign-in$/);

  // From now on the password alone opens nothing.
  await enterPassword(page, E2E_STAFF.enrol(test.info().project.name));
  await expect(page).toHaveURL(/\/staff\/second-factor$/);
  await page.goto('/vi/staff/account');
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await enterPassword(page, E2E_STAFF.enrol(test.info().project.name));
  await page.getByLabel(words.code).fill('123456' === totpCode(secret) ? '654321' : '123456');
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('link', { name: /Mã không đúng hoặc đã hết hạn/ })).toHaveAttribute(
    'href',
    '#code',
  );
  await axeHere(page, browser);
  await page.getByLabel(words.code).fill(totpCode(secret));
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.account);
});

test('a wrong password is said next to the field; five in a row lock the account', async ({
  page,
  browser,
}) => {
  const username = E2E_STAFF.locked(test.info().project.name);
  await enterPassword(page, username, 'vi', 'not-the-password');
  await expect(page).toHaveTitle(/^\(1 lỗi\)/);
  await expect(page.getByRole('link', { name: 'Tên đăng nhập hoặc mật khẩu không đúng' })).toHaveAttribute(
    'href',
    '#password',
  );
  await expect(page.getByLabel(words.password)).toHaveAttribute('aria-invalid', 'true');
  await axeHere(page, browser);
  for (let i = 2; i <= 5; i += 1) await enterPassword(page, username, 'vi', 'not-the-password');
  await expect(page.getByRole('link', { name: /Tài khoản tạm khóa/ })).toBeVisible();
  // The right password does not open a locked account.
  await enterPassword(page, username);
  await expect(page).toHaveURL(/\/staff\/sign-in\?error=locked/);
});

test('"sign out everywhere" ends the sessions on other devices too', async ({ page, browser }) => {
  const username = E2E_STAFF.signOut(test.info().project.name);
  const other = await browser.newContext({
    baseURL,
    javaScriptEnabled: test.info().project.name !== 'no-js',
  });
  const otherPage = await other.newPage();
  await enterPassword(otherPage, username);
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(words.account);
  await enterPassword(page, username);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.account);

  await page.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/staff\/sign-in$/);
  await other.close();
});

test('staff pages are not indexed', async ({ request }) => {
  const html = await (await request.get('/vi/staff/sign-in')).text();
  expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
});
