'use server';

import { localeOf } from '../staffRequest';
import { symmetricEncrypt } from 'better-auth/crypto';
import { redirect } from 'next/navigation';
import { DeviceError, findDevice, issueDevice, revokeDevice } from '@/db/queries/devices';
import { createDeviceOnlyAccount, StaffAccountError, USERNAME_PATTERN } from '@/db/queries/staff';
import type { Locale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { staffAuthSecret } from '@/lib/staff/auth';
import { requireStaff, signedInStaff } from '@/lib/staff/session';

/**
 * The team leader's actions (docs/adr/0028): add a helper without a password, make a device's enrolment
 * QR code, revoke a device. Each is authorised here, on the server, for the commune it concerns (the
 * device's own commune for a revocation, whatever the form says), and audited.
 */

const MAX_LABEL = 60;
const MAX_NAME = 80;

function back(locale: Locale, query: string): never {
  redirect(`${localePath(locale, paths.staffTeam())}?${query}`);
}

export async function addHelperAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const commune = formText(form, 'commune');
  const staff = await requireStaff(locale, 'team:manage', { commune });
  const name = formText(form, 'name').trim().replace(/\s+/g, ' ');
  const username = formText(form, 'username').trim().toLowerCase();
  if (!name || [...name].length > MAX_NAME) back(locale, 'error=name');
  if (!USERNAME_PATTERN.test(username)) back(locale, 'error=username');
  try {
    await createDeviceOnlyAccount(await database(), {
      username,
      name,
      grant: { role: 'helper', communeId: commune, language: null },
      createdBy: staff.user.id,
    });
  } catch (error) {
    if (error instanceof StaffAccountError) back(locale, 'error=username-taken');
    throw error;
  }
  back(locale, `added=${encodeURIComponent(username)}`);
}

export async function issueDeviceAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  // "<commune>/<user id>": a team member is chosen within one commune's team.
  const [commune = '', userId = ''] = formText(form, 'member').split('/');
  if (!userId) back(locale, 'error=member');
  const staff = await requireStaff(locale, 'team:manage', { commune });
  const label = formText(form, 'label').trim().replace(/\s+/g, ' ');
  if (!label || [...label].length > MAX_LABEL) back(locale, 'error=label');
  let deviceId: string;
  try {
    ({ deviceId } = await issueDevice(
      await database(),
      { userId, communeId: commune, label, issuedBy: staff.user.id, clientAddress: await clientAddress() },
      (token) => symmetricEncrypt({ key: staffAuthSecret(), data: token }),
    ));
  } catch (error) {
    if (error instanceof DeviceError) back(locale, `error=${error.reason}`);
    throw error;
  }
  back(locale, `issued=${deviceId}`);
}

export async function revokeDeviceAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const db = await database();
  const deviceId = formText(form, 'deviceId');
  const device = /^[0-9a-f-]{36}$/.test(deviceId) ? await findDevice(db, deviceId) : null;
  if (!device) back(locale, '');
  const staff = await requireStaff(locale, 'team:manage', { commune: device.communeId });
  const ended = await revokeDevice(db, device.id, device.communeId, {
    id: staff.user.id,
    deviceId: staff.deviceId,
    clientAddress: await clientAddress(),
  });
  back(locale, ended === null ? '' : `revoked=${device.id}&sessions=${ended}`);
}
