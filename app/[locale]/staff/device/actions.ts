'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { enrolDevice } from '@/db/queries/devices';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE,
  deviceCookieValue,
  hashPin,
  parseDeviceCookie,
  pinProblem,
} from '@/lib/staff/devices';
import { unlockWithPin } from '@/lib/staff/signIn';
import { staffAttempt, localeOf } from '../staffRequest';

/**
 * A helper device's two forms (docs/adr/0028): enrol it with the QR code's token and a new PIN, then
 * unlock it with that PIN. Neither PIN is ever put in a URL; errors go back as a code.
 */

/** The PIN as typed: digits only are accepted, and nothing is normalised before hashing. */
function pinOf(form: FormData, name: string): string {
  const typed = form.get(name);
  return typeof typed === 'string' ? typed.trim() : '';
}

export async function enrolDeviceAction(form: FormData) {
  const locale = localeOf(form);
  const token = formText(form, 'token');
  const pin = pinOf(form, 'pin');
  const problem = pinProblem(pin, pinOf(form, 'pinAgain'));
  if (problem) redirect(`${localePath(locale, paths.staffDevice(token))}&error=${problem}`);
  const attempt = await staffAttempt();
  const enrolled = await enrolDevice(attempt.db, token, await hashPin(pin), attempt.clientAddress);
  if (!enrolled) redirect(`${localePath(locale, paths.staffDevice())}?error=token`);
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, deviceCookieValue(enrolled.deviceId, enrolled.secret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: attempt.auth.options.advanced?.useSecureCookies ?? false,
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
  // The PIN just chosen opens the first session, through the same check as every later unlock.
  const result = await unlockWithPin(attempt, { deviceId: enrolled.deviceId, secret: enrolled.secret }, pin);
  redirect(localePath(locale, result.kind === 'signed-in' ? paths.staffAssist() : paths.staffDevice()));
}

export async function unlockDeviceAction(form: FormData) {
  const locale = localeOf(form);
  const device = parseDeviceCookie((await cookies()).get(DEVICE_COOKIE)?.value);
  if (!device) redirect(localePath(locale, paths.staffDevice()));
  const pin = pinOf(form, 'pin');
  const back = (query: string) => redirect(`${localePath(locale, paths.staffDevice())}?${query}`);
  if (!/^\d{6}$/.test(pin)) back('error=pin-format');
  const result = await unlockWithPin(await staffAttempt(), device, pin);
  switch (result.kind) {
    case 'signed-in':
      redirect(localePath(locale, paths.staffAssist()));
      break;
    case 'locked':
      back(
        `error=locked&minutes=${Math.max(1, Math.ceil((new Date(result.until).getTime() - Date.now()) / 60_000))}`,
      );
      break;
    case 'unknown':
      back('error=unknown');
      break;
    default:
      back(`error=${result.kind}`);
  }
}
