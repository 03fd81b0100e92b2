import type { Database } from '@/db/client';
import { enrolDevice, issueDevice } from '@/db/queries/devices';
import { createDeviceOnlyAccount } from '@/db/queries/staff';
import { hashPin } from '@/lib/staff/devices';

/**
 * What the offline sync's tests and bench start from (docs/adr/0029): a helper of Tân Quang with an
 * enrolled device, and a birth registration's answers as the helper app stores them.
 */

/** A helper without a password and an enrolled device of theirs: the device's id and secret. */
export async function enrolledHelper(db: Database, username: string, name = 'Lò Văn Pao') {
  const userId = (
    await createDeviceOnlyAccount(db, {
      username,
      name,
      grant: { role: 'helper', communeId: 'tan-quang', language: null },
      createdBy: null,
    })
  ).userId;
  return { userId, device: await enrolledDevice(db, userId) };
}

/** Another enrolled device of a Tân Quang team member. */
export async function enrolledDevice(db: Database, userId: string) {
  const { token } = await issueDevice(
    db,
    { userId, communeId: 'tan-quang', label: 'Laptop', issuedBy: userId },
    async (t) => t,
  );
  const enrolled = (await enrolDevice(db, token, await hashPin('482916'), null))!;
  return { deviceId: enrolled.deviceId, secret: enrolled.secret };
}

/** A birth registration, the child born `bornAt` ten days ago, answered as the app stores answers. */
export function birthAnswers(bornAt: 'home' | 'health-facility' = 'home') {
  const d = new Date(Date.now() - 10 * 86_400_000);
  const childDob = {
    day: String(d.getUTCDate()),
    month: String(d.getUTCMonth() + 1),
    year: String(d.getUTCFullYear()),
  };
  return {
    'relationship-to-child': 'mother',
    'applicant-name': 'Giàng Thị Mỷ',
    'applicant-sex': 'female',
    'applicant-dob': { day: '12', month: '3', year: '1995' },
    'applicant-cid': '002195012345',
    'applicant-phone': '0912 345 678',
    'child-name': 'Vàng Thị Mai',
    'child-sex': 'female',
    'child-dob': childDob,
    'child-birthplace': bornAt,
    ...(bornAt === 'home' && { 'birth-witness-name': 'Lò Văn Tủa' }),
    'mother-name': 'Giàng Thị Mỷ',
    'mother-dob': { day: '', month: '', year: '1995' },
    'mother-cid': '002195012345',
    'parents-married': 'yes',
    'father-declared': 'yes',
    'father-name': 'Vàng Seo Páo',
    'father-dob': { day: '', month: '', year: '1990' },
    'father-cid': '002090123456',
    'office-commune': 'tan-quang',
  };
}
