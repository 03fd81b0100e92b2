import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { needsSecondFactor } from '@/lib/staff/roles';
import type { Database } from '../client';
import { countFailure, lockSet } from './lockout';
import { helperDevices, staffRoleGrants, staffSessions, staffUsers, type HelperDevice } from '../schema';
import { recordAudit } from './audit';
import { grantsOf } from './staff';

/**
 * Helper devices (docs/adr/0028): issued by a team leader as a QR code, enrolled once with a PIN,
 * unlocked with that PIN, revoked at once. This module owns helper_devices; the PIN's argon2id hashing is
 * the caller's (lib/staff/devices.ts), so that nothing here waits on a slow hash inside a transaction.
 */

/** How long the QR code a leader shows stays usable. */
export const ENROLMENT_MINUTES = 15;
/** After this many wrong PINs in a row the device is locked for PIN_LOCK_MINUTES. */
export const MAX_FAILED_PINS = 5;
export const PIN_LOCK_MINUTES = 15;

export class DeviceError extends Error {
  override name = 'DeviceError';
  constructor(readonly reason: 'not-team-member' | 'second-factor-role') {
    super(reason);
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The roles a device can be issued to: the community digital team's. */
const teamRoles = ['helper', 'digital-team-leader'] as const;

export type DeviceState = 'waiting' | 'expired' | 'enrolled' | 'revoked';

export function deviceState(device: HelperDevice, now = new Date()): DeviceState {
  if (device.revokedAt) return 'revoked';
  if (device.enrolledAt) return 'enrolled';
  return device.enrolmentExpiresAt > now ? 'waiting' : 'expired';
}

/**
 * A new device for a team member of `communeId`, with its one-time enrolment token (returned once; stored
 * as its hash for the look-up and encrypted, so the leader's page can draw the QR code again until it is
 * used or expires). Refused for someone who is not on that commune's team, and for a role that must use a
 * second factor: a PIN on a device must never be a way round an officer's or admin's TOTP.
 */
export async function issueDevice(
  db: Database,
  device: {
    userId: string;
    communeId: string;
    label: string;
    issuedBy: string;
    clientAddress?: string | null;
  },
  encrypt: (token: string) => Promise<string>,
  now = new Date(),
): Promise<{ deviceId: string; token: string }> {
  const grants = await grantsOf(db, device.userId);
  const onTeam = grants.some(
    (grant) => (teamRoles as readonly string[]).includes(grant.role) && grant.communeId === device.communeId,
  );
  if (!onTeam) throw new DeviceError('not-team-member');
  if (needsSecondFactor(grants)) throw new DeviceError('second-factor-role');
  const token = randomBytes(32).toString('base64url');
  const encrypted = await encrypt(token);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(helperDevices)
      .values({
        userId: device.userId,
        communeId: device.communeId,
        label: device.label,
        enrolmentTokenHash: sha256(token),
        enrolmentToken: encrypted,
        enrolmentExpiresAt: new Date(now.getTime() + ENROLMENT_MINUTES * 60_000),
        issuedBy: device.issuedBy,
        issuedAt: now,
      })
      .returning({ id: helperDevices.id });
    await recordAudit(tx, {
      action: 'device-issued',
      actorId: device.issuedBy,
      deviceId: row!.id,
      detail: { userId: device.userId, communeId: device.communeId },
      clientAddress: device.clientAddress ?? null,
    });
    return { deviceId: row!.id, token };
  });
}

/** The device a still-valid enrolment token belongs to, for the enrolment page. */
export async function findEnrolment(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({ device: helperDevices, username: staffUsers.username, name: staffUsers.name })
    .from(helperDevices)
    .innerJoin(staffUsers, eq(staffUsers.id, helperDevices.userId))
    .where(
      and(
        eq(helperDevices.enrolmentTokenHash, sha256(token)),
        isNull(helperDevices.revokedAt),
        gt(helperDevices.enrolmentExpiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * Enrols the device the token belongs to, once: one UPDATE consumes the token, forgetting its hash (a
 * second use, a revoked device or an expired token changes no row), stores the PIN's hash and a new device secret's hash, and
 * forgets the token. Returns the secret, which only the device's cookie keeps.
 */
export async function enrolDevice(
  db: Database,
  token: string,
  pinHash: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<{ deviceId: string; userId: string; secret: string } | null> {
  const secret = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(helperDevices)
      .set({
        enrolledAt: now,
        secretHash: sha256(secret),
        pinHash,
        enrolmentTokenHash: null,
        enrolmentToken: null,
      })
      .where(
        and(
          eq(helperDevices.enrolmentTokenHash, sha256(token)),
          isNull(helperDevices.revokedAt),
          gt(helperDevices.enrolmentExpiresAt, now),
        ),
      )
      .returning({ id: helperDevices.id, userId: helperDevices.userId });
    if (!row) return null;
    await recordAudit(tx, {
      action: 'device-enrolled',
      actorId: row.userId,
      deviceId: row.id,
      clientAddress,
    });
    return { deviceId: row.id, userId: row.userId, secret };
  });
}

/** The enrolled device whose secret this is, or null (unknown id, wrong secret, never enrolled). */
export async function deviceBySecret(db: Database, deviceId: string, secret: string) {
  const [row] = await db.select().from(helperDevices).where(eq(helperDevices.id, deviceId));
  if (!row?.secretHash) return null;
  const expected = Buffer.from(row.secretHash, 'hex');
  const given = Buffer.from(sha256(secret), 'hex');
  return timingSafeEqual(expected, given) ? row : null;
}

/**
 * One more wrong PIN, counted in the database (every process, every address); the fifth in a row locks
 * the device. Returns the lock's end when this failure locked it.
 */
export async function recordFailedPin(
  db: Database,
  deviceId: string,
  now = new Date(),
): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + PIN_LOCK_MINUTES * 60_000);
  const failure = countFailure(
    helperDevices.failedPins,
    helperDevices.lockedUntil,
    MAX_FAILED_PINS,
    lockUntil,
  );
  const [row] = await db
    .update(helperDevices)
    .set({ failedPins: failure.failures, lockedUntil: failure.lockedUntil })
    .where(eq(helperDevices.id, deviceId))
    .returning({ lockedUntil: helperDevices.lockedUntil });
  return lockSet(row, lockUntil);
}

export async function recordUnlock(db: Database, deviceId: string, now = new Date()): Promise<void> {
  await db
    .update(helperDevices)
    .set({ failedPins: 0, lockedUntil: null, lastUnlockedAt: now })
    .where(eq(helperDevices.id, deviceId));
}

/**
 * Revokes a device of `communeId` (the leader's commune, checked by the caller): marks it, ends every
 * session its PIN opened and forgets any unused token, in one transaction with its audit entry. Returns
 * how many sessions ended, or null when there was no such live device in that commune.
 */
export async function revokeDevice(
  db: Database,
  deviceId: string,
  communeId: string,
  actor: { id: string; deviceId?: string | null; clientAddress?: string | null },
  now = new Date(),
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(helperDevices)
      .set({ revokedAt: now, revokedBy: actor.id, enrolmentTokenHash: null, enrolmentToken: null })
      .where(
        and(
          eq(helperDevices.id, deviceId),
          eq(helperDevices.communeId, communeId),
          isNull(helperDevices.revokedAt),
        ),
      )
      .returning({ id: helperDevices.id, userId: helperDevices.userId });
    if (!row) return null;
    const ended = await tx
      .delete(staffSessions)
      .where(eq(staffSessions.deviceId, deviceId))
      .returning({ id: staffSessions.id });
    await recordAudit(tx, {
      action: 'device-revoked',
      actorId: actor.id,
      deviceId: actor.deviceId ?? null,
      detail: { revokedDevice: deviceId, userId: row.userId, sessionsEnded: ended.length },
      clientAddress: actor.clientAddress ?? null,
    });
    return ended.length;
  });
}

export async function findDevice(db: Database, deviceId: string) {
  const [row] = await db.select().from(helperDevices).where(eq(helperDevices.id, deviceId));
  return row ?? null;
}

/** The team of each commune: its helpers and leaders, each with their devices, oldest first. */
export async function teamsOf(db: Database, communeIds: readonly string[]) {
  if (communeIds.length === 0) return [];
  const members = await db
    .selectDistinct({
      userId: staffUsers.id,
      username: staffUsers.username,
      name: staffUsers.name,
      communeId: staffRoleGrants.communeId,
      role: staffRoleGrants.role,
    })
    .from(staffRoleGrants)
    .innerJoin(staffUsers, eq(staffUsers.id, staffRoleGrants.userId))
    .where(
      and(inArray(staffRoleGrants.communeId, [...communeIds]), inArray(staffRoleGrants.role, [...teamRoles])),
    )
    .orderBy(asc(staffUsers.name));
  const devices = await db
    .select()
    .from(helperDevices)
    .where(inArray(helperDevices.communeId, [...communeIds]))
    .orderBy(asc(helperDevices.issuedAt));
  return members.map((member) => ({
    ...member,
    devices: devices.filter((d) => d.userId === member.userId && d.communeId === member.communeId),
  }));
}
