'use server';

import { redirect } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { verifyCode } from '@/lib/staff/signIn';
import { staffAttempt } from '../staffRequest';

/** The code after the password. better-auth reads whose sign-in it is from its two-factor cookie. */
export async function verifySecondFactor(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const code = formText(form, 'code').replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) redirect(localePath(locale, `${paths.staffSecondFactor()}?error=invalid`));
  const result = await verifyCode(await staffAttempt(), code, 'sign-in');
  if (!result.ok) {
    redirect(
      localePath(locale, `${paths.staffSecondFactor()}?error=${result.locked ? 'locked' : 'invalid'}`),
    );
  }
  redirect(localePath(locale, paths.staffAccount()));
}
