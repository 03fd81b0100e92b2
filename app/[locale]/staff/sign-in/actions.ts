'use server';

import { redirect } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { signInWithPassword } from '@/lib/staff/signIn';
import { staffAttempt } from '../staffRequest';

/** The sign-in form: password, then a code, or enrolment, or the account page (Post/Redirect/Get). */
export async function signInStaff(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const username = formText(form, 'username').trim();
  // The password as typed: not normalised like other text, which would change what is hashed.
  const typed = form.get('password');
  const password = typeof typed === 'string' ? typed : '';
  const back = (error: string) => redirect(localePath(locale, `${paths.staffSignIn()}?error=${error}`));
  // Neither is echoed back in the URL: a password typed into the user name field would end up in logs.
  if (!username || !password) back('missing');
  const result = await signInWithPassword(await staffAttempt(), { username, password });
  switch (result.kind) {
    case 'invalid':
      back('invalid');
      break;
    case 'locked':
      redirect(
        localePath(
          locale,
          `${paths.staffSignIn()}?error=locked&minutes=${Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000))}`,
        ),
      );
      break;
    case 'second-factor':
      redirect(localePath(locale, paths.staffSecondFactor()));
      break;
    case 'enrol':
      redirect(localePath(locale, paths.staffEnrol()));
      break;
    case 'signed-in':
      redirect(localePath(locale, paths.staffAccount()));
  }
}
