'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/db/queries/audit';
import { isLocale } from '@/i18n/locales';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { auditActor, signedInStaff } from '@/lib/staff/session';
import { staffAttempt } from '../staffRequest';

/** Ends this session only. */
export async function signOutStaff(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const staff = await signedInStaff(locale);
  const { db, auth, clientAddress } = await staffAttempt();
  await auth.api.signOut({ headers: await headers() });
  await recordAudit(db, { action: 'sign-out', ...auditActor(staff), clientAddress });
  redirect(localePath(locale, `${paths.staffSignIn()}?signedOut=1`));
}

/** Ends every session of the account, on every device (a lost phone, a shared computer left signed in). */
export async function signOutEverywhere(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const staff = await signedInStaff(locale);
  const { db, auth, clientAddress } = await staffAttempt();
  await auth.api.revokeSessions({ headers: await headers() });
  await recordAudit(db, { action: 'sign-out-everywhere', ...auditActor(staff), clientAddress });
  redirect(localePath(locale, `${paths.staffSignIn()}?signedOut=1`));
}
