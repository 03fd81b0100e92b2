import { symmetricDecrypt } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { clearFailedSignIns, findStaffByUsername, grantsOf, recordFailedSignIn } from '@/db/queries/staff';
import { staffTwoFactors } from '@/db/schema';
import { staffAuthSecret, TOTP_ISSUER, type StaffAuth } from './auth';
import type { UnlockCheck } from './devices';
import { needsSecondFactor } from './roles';

/**
 * The staff sign-in steps, independent of Next.js so that unit tests drive them with real cookies: the
 * password (with the per-account lockout), then a TOTP code, or — for a role that needs a second factor
 * and has none yet — enrolment. Every outcome is audited. `headers` is the request's; each step returns
 * the response headers better-auth produced (its Set-Cookie), which the server actions' nextCookies()
 * plugin has already written to the response.
 */
export interface Attempt {
  readonly db: Database;
  readonly auth: StaffAuth;
  readonly headers: Headers;
  readonly clientAddress: string;
}

export type SignInResult =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'locked'; readonly until: Date }
  | { readonly kind: 'second-factor' | 'enrol' | 'signed-in'; readonly headers: Headers };

export async function signInWithPassword(
  attempt: Attempt,
  credentials: { username: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const { db, auth, clientAddress } = attempt;
  const user = await findStaffByUsername(db, credentials.username);
  // A locked account is not even asked about its password: a right guess during the lock reveals nothing.
  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, { action: 'sign-in-locked', actorId: user.id, clientAddress });
    return { kind: 'locked', until: user.lockedUntil };
  }
  let signedIn: Awaited<ReturnType<typeof passwordStep>>;
  try {
    signedIn = await passwordStep(auth, attempt.headers, credentials);
  } catch {
    if (!user) {
      // What was typed as a user name is not kept: it may be a password typed in the wrong field.
      await recordAudit(db, {
        action: 'sign-in-failed',
        actorId: null,
        detail: { unknownUser: true },
        clientAddress,
      });
      return { kind: 'invalid' };
    }
    const lockedUntil = await recordFailedSignIn(db, user.id, now);
    await recordAudit(db, { action: 'sign-in-failed', actorId: user.id, clientAddress });
    if (lockedUntil) {
      await recordAudit(db, {
        action: 'lockout',
        actorId: user.id,
        detail: { until: lockedUntil.toISOString() },
        clientAddress,
      });
      return { kind: 'locked', until: lockedUntil };
    }
    return { kind: 'invalid' };
  }
  const userId = user!.id;
  await clearFailedSignIns(db, userId);
  if ('twoFactorRedirect' in signedIn.response && signedIn.response.twoFactorRedirect) {
    return { kind: 'second-factor', headers: signedIn.headers };
  }
  const grants = await grantsOf(db, userId);
  if (needsSecondFactor(grants) && !user!.twoFactorEnabled) {
    // Enrolment starts here, where the password was just typed (better-auth asks for it): the secret is
    // stored unverified and shown on the enrolment page until the first right code confirms it.
    const session = withCookies(attempt.headers, signedIn.headers);
    await auth.api.enableTwoFactor({ body: { password: credentials.password }, headers: session });
    await recordAudit(db, {
      action: 'sign-in',
      actorId: userId,
      detail: { secondFactor: 'enrolling' },
      clientAddress,
    });
    return { kind: 'enrol', headers: signedIn.headers };
  }
  await recordAudit(db, {
    action: 'sign-in',
    actorId: userId,
    detail: { secondFactor: 'none' },
    clientAddress,
  });
  return { kind: 'signed-in', headers: signedIn.headers };
}

function passwordStep(
  auth: StaffAuth,
  headers: Headers,
  credentials: { username: string; password: string },
) {
  return auth.api.signInUsername({
    body: { username: credentials.username, password: credentials.password },
    headers,
    returnHeaders: true,
  });
}

export type DeviceUnlockResult =
  | Exclude<UnlockCheck, { kind: 'ok' }>
  | { readonly kind: 'signed-in'; readonly userId: string; readonly headers: Headers };

/**
 * A helper device's PIN (docs/adr/0028): the device's endpoint checks cookie and PIN (counting and
 * auditing failures) and opens a session marked with the device; the sign-in is audited with it.
 */
export async function unlockWithPin(
  attempt: Attempt,
  device: { deviceId: string; secret: string },
  pin: string,
): Promise<DeviceUnlockResult> {
  const { db, auth, clientAddress } = attempt;
  const { headers, response } = await auth.api.unlockHelperDevice({
    body: { ...device, pin, clientAddress },
    headers: attempt.headers,
    returnHeaders: true,
  });
  const { check } = response;
  if (check.kind !== 'ok') return check;
  await recordAudit(db, {
    action: 'sign-in',
    actorId: check.userId,
    deviceId: check.deviceId,
    detail: { secondFactor: 'device-pin' },
    clientAddress,
  });
  return { kind: 'signed-in', userId: check.userId, headers };
}

/**
 * The code from the authenticator app, after the password (the two-factor cookie says whose), or on the
 * enrolment page (the session says whose): better-auth checks it, counts wrong codes per account and locks
 * after five; a right one starts the session, or completes the enrolment.
 */
export async function verifyCode(
  attempt: Attempt,
  code: string,
  step: 'sign-in' | 'enrol',
): Promise<{ ok: true; userId: string; headers: Headers } | { ok: false; locked: boolean }> {
  const { db, auth, clientAddress } = attempt;
  try {
    const { headers, response } = await auth.api.verifyTOTP({
      body: { code },
      headers: attempt.headers,
      returnHeaders: true,
    });
    const userId = response.user.id;
    await recordAudit(db, {
      action: step === 'enrol' ? 'two-factor-enrolled' : 'sign-in',
      actorId: userId,
      detail: step === 'enrol' ? {} : { secondFactor: 'totp' },
      clientAddress,
    });
    return { ok: true, userId, headers };
  } catch (error) {
    const locked = (error as { statusCode?: number }).statusCode === 429;
    await recordAudit(db, {
      action: 'second-factor-failed',
      actorId: null,
      detail: { step, locked },
      clientAddress,
    });
    return { ok: false, locked };
  }
}

/** The otpauth URI of an enrolment not yet confirmed, for the QR code and the secret shown as text. */
export async function pendingEnrolment(
  db: Database,
  user: { id: string; username: string | null },
): Promise<{ uri: string; secret: string } | null> {
  const [row] = await db.select().from(staffTwoFactors).where(eq(staffTwoFactors.userId, user.id));
  if (!row || row.verified) return null;
  // better-auth keeps the secret encrypted with its key; this is its own decryption.
  const secret = await symmetricDecrypt({ key: staffAuthSecret(), data: row.secret });
  const base32 = toBase32(new TextEncoder().encode(secret));
  const label = encodeURIComponent(`${TOTP_ISSUER}:${user.username ?? user.id}`);
  const uri = `otpauth://totp/${label}?secret=${base32}&issuer=${encodeURIComponent(TOTP_ISSUER)}&algorithm=SHA1&digits=6&period=30`;
  return { uri, secret: base32 };
}

/** RFC 4648 base32 without padding, as authenticator apps read secrets. */
function toBase32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The request's headers with the cookies a previous step set, as the browser would send them next. */
export function withCookies(request: Headers, setCookies: Headers): Headers {
  const next = new Headers(request);
  const jar = new Map<string, string>();
  for (const pair of (request.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name) jar.set(name, rest.join('='));
  }
  for (const line of setCookies.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...rest] = pair!.split('=');
    const value = rest.join('=');
    if (/max-age=0/i.test(line) || value === '') jar.delete(name!);
    else jar.set(name!, value);
  }
  next.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  return next;
}
