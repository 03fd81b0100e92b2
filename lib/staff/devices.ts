import { hash, verify } from '@node-rs/argon2';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { deviceBySecret, recordFailedPin, recordUnlock } from '@/db/queries/devices';
import { grantsOf } from '@/db/queries/staff';
import { needsSecondFactor } from './roles';

/**
 * A helper device's side of docs/adr/0028: the device cookie, the PIN rules, and the check behind the
 * PIN unlock, which better-auth's device endpoint (lib/staff/devicePlugin.ts) calls before it opens a
 * session. Independent of Next.js, so unit tests drive it against the real database.
 */

/** httpOnly, a year: the device stays enrolled until its leader revokes it, not until a cookie expires. */
export const DEVICE_COOKIE = 'motcua-device';
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const PIN_LENGTH = 6;

export type PinProblem = 'pin-format' | 'pin-guessable' | 'pin-mismatch';

/**
 * What is wrong with a PIN being chosen, or null. Six digits, not one digit six times, not a straight run
 * up or down (000000, 123456, 987654 are the first a thief tries).
 */
export function pinProblem(pin: string, again: string): PinProblem | null {
  if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) return 'pin-format';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0]!)) return 'pin-guessable';
  if (pin !== again) return 'pin-mismatch';
  return null;
}

export const hashPin = (pin: string) => hash(pin);

/** The device cookie's value: the device's id and its secret. */
export function deviceCookieValue(deviceId: string, secret: string): string {
  return `${deviceId}.${secret}`;
}

export function parseDeviceCookie(value: string | undefined): { deviceId: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  return match ? { deviceId: match[1]!, secret: match[2]! } : null;
}

/** The device cookie's raw value in a request's Cookie header, if it has one. */
export function deviceCookieIn(headers: Headers): string | undefined {
  const pair = headers
    .get('cookie')
    ?.split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${DEVICE_COOKIE}=`));
  return pair?.slice(DEVICE_COOKIE.length + 1);
}

/** The enrolled device a request names by its cookie, or null. */
export const deviceOf = (request: Request) => parseDeviceCookie(deviceCookieIn(request.headers));

export type UnlockCheck =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'not-allowed' }
  | { readonly kind: 'locked'; readonly until: Date }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'ok'; readonly userId: string; readonly deviceId: string };

/**
 * Whether `pin` unlocks the device `cookie` names, counting and auditing every failure: unknown device
 * or wrong secret; revoked (said as such, so the helper knows to ask the leader, and the device keeps
 * what it holds); a holder who now needs a second factor (a PIN never replaces an officer's TOTP); locked
 * after five wrong PINs; a wrong PIN.
 */
export async function checkDeviceUnlock(
  db: Database,
  cookie: { deviceId: string; secret: string },
  pin: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<UnlockCheck> {
  const device = await deviceBySecret(db, cookie.deviceId, cookie.secret);
  if (!device?.pinHash) return { kind: 'unknown' };
  const audit = { actorId: device.userId, deviceId: device.id, clientAddress };
  if (device.revokedAt) {
    await recordAudit(db, { action: 'device-unlock-refused', ...audit, detail: { reason: 'revoked' } });
    return { kind: 'revoked' };
  }
  if (device.lockedUntil && device.lockedUntil > now) {
    await recordAudit(db, { action: 'device-unlock-refused', ...audit, detail: { reason: 'locked' } });
    return { kind: 'locked', until: device.lockedUntil };
  }
  if (needsSecondFactor(await grantsOf(db, device.userId))) {
    await recordAudit(db, { action: 'device-unlock-refused', ...audit, detail: { reason: 'second-factor' } });
    return { kind: 'not-allowed' };
  }
  if (!(await verify(device.pinHash, pin))) {
    const lockedUntil = await recordFailedPin(db, device.id, now);
    await recordAudit(db, { action: 'device-unlock-failed', ...audit });
    if (lockedUntil) {
      await recordAudit(db, {
        action: 'device-locked',
        ...audit,
        detail: { until: lockedUntil.toISOString() },
      });
      return { kind: 'locked', until: lockedUntil };
    }
    return { kind: 'invalid' };
  }
  await recordUnlock(db, device.id, now);
  return { kind: 'ok', userId: device.userId, deviceId: device.id };
}
