import { expect, type Page } from '@playwright/test';
import { E2E_STAFF } from '../../playwright.config';
import { base32, totpCode } from './totp';

/** The staff forms' visible words, as a person reads them (messages/vi.json, messages/en.json). */
export const staffWords = {
  vi: {
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    code: 'Mã 6 chữ số trong ứng dụng xác thực',
    confirm: 'Xác nhận',
    account: 'Tài khoản của bạn',
  },
  en: {
    username: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    code: '6-digit code from your authenticator app',
    confirm: 'Continue',
    account: 'Your account',
  },
} as const;

export async function enterPassword(
  page: Page,
  username: string,
  locale: 'vi' | 'en' = 'vi',
  password: string = E2E_STAFF.password,
) {
  const words = staffWords[locale];
  await page.goto(`/${locale}/staff/sign-in`);
  await page.getByLabel(words.username).fill(username);
  await page.getByLabel(words.password).fill(password);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
}

/**
 * Signs a seeded staff member with an enrolled second factor in (the province admin unless told), password
 * then the authenticator's code; ends on the account page.
 */
export async function signInAsAdmin(
  page: Page,
  locale: 'vi' | 'en' = 'vi',
  username: string = E2E_STAFF.admin,
) {
  const words = staffWords[locale];
  await enterPassword(page, username, locale);
  await expect(page).toHaveURL(/\/staff\/second-factor$/);
  await page.getByLabel(words.code).fill(totpCode(base32(E2E_STAFF.totpKey)));
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.account);
}
