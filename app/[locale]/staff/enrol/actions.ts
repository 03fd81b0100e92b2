'use server';

import { redirect } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { verifyCode } from '@/lib/staff/signIn';
import { staffAttempt } from '../staffRequest';

/** The first code from the newly added app: it confirms the secret and turns the second factor on. */
export async function confirmEnrolment(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const code = formText(form, 'code').replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) redirect(localePath(locale, `${paths.staffEnrol()}?error=invalid`));
  const result = await verifyCode(await staffAttempt(), code, 'enrol');
  if (!result.ok) redirect(localePath(locale, `${paths.staffEnrol()}?error=invalid`));
  redirect(localePath(locale, `${paths.staffAccount()}?enrolled=1`));
}
