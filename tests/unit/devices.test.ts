import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { connect } from '@/db/client';
import {
  DeviceError,
  deviceState,
  enrolDevice,
  ENROLMENT_MINUTES,
  findDevice,
  findEnrolment,
  issueDevice,
  MAX_FAILED_PINS,
  revokeDevice,
  teamsOf,
} from '@/db/queries/devices';
import { createDeviceOnlyAccount, createStaffAccount } from '@/db/queries/staff';
import { auditEvents, helperDevices, staffAccounts, staffRoleGrants, staffSessions } from '@/db/schema';
import { seed } from '@/db/seed';
import { createStaffAuth, hashPassword } from '@/lib/staff/auth';
import { hashPin, parseDeviceCookie, pinProblem, deviceCookieValue } from '@/lib/staff/devices';
import { currentStaff } from '@/lib/staff/session';
import { unlockWithPin, withCookies } from '@/lib/staff/signIn';
import { databaseTargets } from '../support/db';

// Helper devices (docs/adr/0028) against better-auth and the real database, on both drivers: a QR
// code's token enrols once, the PIN opens a session marked with the device, wrong PINs lock it, revoking
// ends its sessions at once, and a PIN is never a way round an officer's second factor.

const encrypt = async (token: string) => `enc:${token}`;

describe('PIN rules and the device cookie', () => {
  it('accepts six digits that are neither one digit repeated nor a straight run, typed twice', () => {
    expect(pinProblem('482916', '482916')).toBeNull();
    expect(pinProblem('13579', '13579')).toBe('pin-format');
    expect(pinProblem('48291a', '48291a')).toBe('pin-format');
    expect(pinProblem('4829160', '4829160')).toBe('pin-format');
    for (const guessable of ['000000', '777777', '123456', '345678', '987654']) {
      expect(pinProblem(guessable, guessable), guessable).toBe('pin-guessable');
    }
    // A run that wraps round is not a straight run.
    expect(pinProblem('789012', '789012')).toBeNull();
    expect(pinProblem('482916', '482917')).toBe('pin-mismatch');
  });

  it('reads back only a device id and a 32-byte secret', () => {
    const id = '0b6f1d2e-1c1a-4d7e-9a61-1f2e3d4c5b6a';
    const secret = 'A'.repeat(43);
    expect(parseDeviceCookie(deviceCookieValue(id, secret))).toEqual({ deviceId: id, secret });
    expect(parseDeviceCookie(`${id}.short`)).toBeNull();
    expect(parseDeviceCookie(`not-an-id.${secret}`)).toBeNull();
    expect(parseDeviceCookie(undefined)).toBeNull();
  });
});

describe.each(databaseTargets)('helper devices on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const auth = createStaffAuth(db, { secret: 'y'.repeat(40), baseURL: 'http://127.0.0.1:3000' });
  const suffix = `${process.pid}${Date.now().toString(36)}`.slice(-10);
  const attempt = () => ({ db, auth, headers: new Headers(), clientAddress: '203.0.113.7' });
  let leader: string;
  let helper: string;
  let officer: string;
  let otherHelper: string;

  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
    const account = (
      username: string,
      role: 'helper' | 'digital-team-leader' | 'commune-officer',
      commune: string,
    ) =>
      createDeviceOnlyAccount(db, {
        username: `${username}.${suffix}`,
        grant: { role, communeId: commune, language: null },
        createdBy: null,
      }).then((a) => a.userId);
    leader = await account('leader', 'digital-team-leader', 'tan-quang');
    helper = await account('helper', 'helper', 'tan-quang');
    officer = await account('officer', 'commune-officer', 'tan-quang');
    otherHelper = await account('other', 'helper', 'nam-dan');
  });
  afterAll(() => conn.close());

  const issue = (userId: string, communeId = 'tan-quang', now?: Date) =>
    issueDevice(db, { userId, communeId, label: 'Laptop, Nà Làng hall', issuedBy: leader }, encrypt, now);

  async function enrolled(userId = helper, pin = '482916') {
    const { deviceId, token } = await issue(userId);
    const device = await enrolDevice(db, token, await hashPin(pin), null);
    expect(device?.deviceId).toBe(deviceId);
    return device!;
  }

  it('a helper added by a leader has no password at all', async () => {
    const credentials = await db.select().from(staffAccounts).where(eq(staffAccounts.userId, helper));
    expect(credentials).toEqual([]);
  });

  it('issues devices to the commune’s team only, never to a role that needs a second factor', async () => {
    await expect(issue(otherHelper)).rejects.toEqual(new DeviceError('not-team-member'));
    await expect(issue(officer)).rejects.toEqual(new DeviceError('not-team-member'));
    // An officer who is on the team as well still may not swap a TOTP for a PIN.
    await db.insert(staffRoleGrants).values({ userId: officer, role: 'helper', communeId: 'tan-quang' });
    await expect(issue(officer)).rejects.toEqual(new DeviceError('second-factor-role'));
    const { deviceId, token } = await issue(helper);
    const [row] = await db.select().from(helperDevices).where(eq(helperDevices.id, deviceId));
    expect(row!.enrolmentToken).toBe(`enc:${token}`);
    expect(row!.enrolmentTokenHash).not.toContain(token);
    expect(deviceState(row!)).toBe('waiting');
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'device-issued'), eq(auditEvents.deviceId, deviceId)));
    expect(audit!.actorId).toBe(leader);
  });

  it('enrols once: the token is consumed, and an expired or revoked one enrols nothing', async () => {
    const { deviceId, token } = await issue(helper);
    expect((await findEnrolment(db, token))?.device.id).toBe(deviceId);
    const first = await enrolDevice(db, token, await hashPin('482916'), null);
    expect(first?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await enrolDevice(db, token, await hashPin('482916'), null)).toBeNull();
    expect(await findEnrolment(db, token)).toBeNull();
    const row = await findDevice(db, deviceId);
    expect(row!.enrolmentToken).toBeNull();
    expect(row!.secretHash).not.toContain(first!.secret);
    expect(row!.pinHash).toMatch(/^\$argon2id\$/);

    const old = new Date(Date.now() - (ENROLMENT_MINUTES + 1) * 60_000);
    const expired = await issue(helper, 'tan-quang', old);
    expect(await findEnrolment(db, expired.token)).toBeNull();
    expect(await enrolDevice(db, expired.token, await hashPin('482916'), null)).toBeNull();

    const withdrawn = await issue(helper);
    expect(await revokeDevice(db, withdrawn.deviceId, 'tan-quang', { id: leader })).toBe(0);
    expect(await enrolDevice(db, withdrawn.token, await hashPin('482916'), null)).toBeNull();
  });

  it('the PIN opens a session marked with the device, audited with it', async () => {
    const device = await enrolled();
    expect((await unlockWithPin(attempt(), device, '111112')).kind).toBe('invalid');
    const result = await unlockWithPin(attempt(), device, '482916');
    expect(result.kind).toBe('signed-in');
    const staff = await currentStaff(
      db,
      auth,
      withCookies(new Headers(), (result as { headers: Headers }).headers),
    );
    expect(staff?.user.id).toBe(helper);
    expect(staff?.deviceId).toBe(device.deviceId);
    const [signIn] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sign-in'), eq(auditEvents.deviceId, device.deviceId)));
    expect(signIn!.actorId).toBe(helper);
    expect((await findDevice(db, device.deviceId))!.lastUnlockedAt).not.toBeNull();
  });

  it('refuses a wrong secret as an unknown device', async () => {
    const device = await enrolled();
    expect((await unlockWithPin(attempt(), { ...device, secret: 'B'.repeat(43) }, '482916')).kind).toBe(
      'unknown',
    );
  });

  it(`locks the device after ${MAX_FAILED_PINS} wrong PINs, even against the right one`, async () => {
    const device = await enrolled();
    for (let i = 1; i < MAX_FAILED_PINS; i += 1) {
      expect((await unlockWithPin(attempt(), device, '000001')).kind).toBe('invalid');
    }
    expect((await unlockWithPin(attempt(), device, '000001')).kind).toBe('locked');
    expect((await unlockWithPin(attempt(), device, '482916')).kind).toBe('locked');
    const sessions = await db.select().from(staffSessions).where(eq(staffSessions.deviceId, device.deviceId));
    expect(sessions).toEqual([]);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const device = await enrolled();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 1; i < MAX_FAILED_PINS; i += 1) await unlockWithPin(attempt(), device, '000001');
      expect((await unlockWithPin(attempt(), device, '482916')).kind).toBe('signed-in');
    }
  });

  it('revoking ends the device’s sessions at once and refuses its PIN, said as revoked', async () => {
    const device = await enrolled();
    const other = await enrolled();
    const a = await unlockWithPin(attempt(), device, '482916');
    const b = await unlockWithPin(attempt(), other, '482916');
    const cookiesA = withCookies(new Headers(), (a as { headers: Headers }).headers);
    const cookiesB = withCookies(new Headers(), (b as { headers: Headers }).headers);
    // Another commune's leader cannot revoke it: the commune is part of the update.
    expect(await revokeDevice(db, device.deviceId, 'nam-dan', { id: leader })).toBeNull();
    expect(await currentStaff(db, auth, cookiesA)).not.toBeNull();
    expect(await revokeDevice(db, device.deviceId, 'tan-quang', { id: leader })).toBe(1);
    expect(await currentStaff(db, auth, cookiesA)).toBeNull();
    // The helper's session on their other device goes on.
    expect((await currentStaff(db, auth, cookiesB))?.deviceId).toBe(other.deviceId);
    expect((await unlockWithPin(attempt(), device, '482916')).kind).toBe('revoked');
    expect(await revokeDevice(db, device.deviceId, 'tan-quang', { id: leader })).toBeNull();
  });

  it('a holder who has since become an officer is refused the PIN', async () => {
    const promoted = (
      await createDeviceOnlyAccount(db, {
        username: `promoted.${suffix}`,
        grant: { role: 'helper', communeId: 'tan-quang', language: null },
        createdBy: null,
      })
    ).userId;
    const device = await enrolled(promoted);
    await db
      .insert(staffRoleGrants)
      .values({ userId: promoted, role: 'commune-officer', communeId: 'tan-quang' });
    expect((await unlockWithPin(attempt(), device, '482916')).kind).toBe('not-allowed');
  });

  it('lists each commune’s team with its devices, and no other commune’s', async () => {
    const team = await teamsOf(db, ['tan-quang']);
    expect(team.map((m) => m.userId)).toEqual(expect.arrayContaining([leader, helper]));
    expect(team.map((m) => m.userId)).not.toContain(otherHelper);
    expect(team.find((m) => m.userId === helper)!.devices.length).toBeGreaterThan(0);
    expect(await teamsOf(db, [])).toEqual([]);
  });

  it('a password account is still made with a password', async () => {
    const made = await createStaffAccount(
      db,
      {
        username: `withpw.${suffix}`,
        grant: { role: 'helper', communeId: 'tan-quang', language: null },
        createdBy: null,
      },
      hashPassword,
    );
    const [credential] = await db.select().from(staffAccounts).where(eq(staffAccounts.userId, made.userId));
    expect(credential!.password).toMatch(/^\$argon2id\$/);
  });
});
