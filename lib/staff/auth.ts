import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { twoFactor, username } from 'better-auth/plugins';
import type { Database } from '@/db/client';
import { helperDevicePlugin } from './devicePlugin';
import { staffAccounts, staffSessions, staffTwoFactors, staffUsers, staffVerifications } from '@/db/schema';

/**
 * Staff authentication is better-auth's (docs/adr/0023): its session tokens, signed cookies, TOTP and
 * encrypted secrets; argon2id hashing by @node-rs/argon2 at its defaults, which are OWASP's recommended
 * minimum (19 MiB, 2 passes, 1 lane). No HTTP endpoint of better-auth is mounted: the staff pages' server
 * actions call `auth.api` directly, so there is no public sign-up route, nor any other route, to defend.
 */

/** Sliding: each use after an hour pushes the expiry 8 hours on, so 8 idle hours end a session. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** However busy, a session ends 12 hours after sign-in (lib/staff/session.ts checks createdAt). */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const TOTP_ISSUER = 'Một cửa';

const DEVELOPMENT_SECRET = 'motcua-development-staff-secret-not-for-production';

/**
 * The key that signs staff cookies and encrypts TOTP secrets. Production refuses to start without its
 * own; `npm run portal` generates one into `.data/staff-auth-secret`.
 */
export function staffAuthSecret(source: Record<string, string | undefined> = process.env): string {
  const secret = source.STAFF_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (secret) throw new Error('STAFF_AUTH_SECRET must be at least 32 characters');
  if (source.NODE_ENV === 'production') {
    throw new Error('STAFF_AUTH_SECRET is required in production (it signs staff sessions)');
  }
  return DEVELOPMENT_SECRET;
}

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = ({ hash: stored, password }: { hash: string; password: string }) =>
  verify(stored, password);

export function createStaffAuth(db: Database, options: { secret?: string; baseURL?: string } = {}) {
  const origin = options.baseURL ?? process.env.PUBLIC_ORIGIN ?? 'http://localhost:3000';
  return betterAuth({
    appName: TOTP_ISSUER,
    baseURL: origin,
    secret: options.secret ?? staffAuthSecret(),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: staffUsers,
        session: staffSessions,
        account: staffAccounts,
        verification: staffVerifications,
        twoFactor: staffTwoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by `npm run staff:create` (db/queries/staff.ts), never by signing up.
      disableSignUp: true,
      minPasswordLength: 12,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: 60 * 60,
      // The helper device whose PIN opened the session (docs/adr/0028); set by the server only.
      additionalFields: { deviceId: { type: 'string', required: false, input: false } },
    },
    // better-auth's limiter counts per client address and only for its HTTP routes, which are not mounted:
    // the per-account lockout (lib/staff/signIn.ts) counts in the database instead.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: 'motcua-staff',
      useSecureCookies: process.env.SECURE_COOKIES
        ? process.env.SECURE_COOKIES !== 'false'
        : process.env.NODE_ENV === 'production',
      // The portal's own ids are uuids; better-auth's are random strings in a text column, which is fine.
    },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 40 }),
      // Five wrong codes in a row lock the second factor for 15 minutes, as five wrong passwords lock the
      // password (db/queries/staff.ts).
      twoFactor({ issuer: TOTP_ISSUER, accountLockout: { maxFailedAttempts: 5, durationSeconds: 15 * 60 } }),
      helperDevicePlugin(db),
      // Last, as better-auth asks: lets auth.api calls in server actions set their cookies.
      nextCookies(),
    ],
  });
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;

const byDatabase = new WeakMap<Database, StaffAuth>();

/** One better-auth instance per database connection (one per process in the portal). */
export function staffAuth(db: Database): StaffAuth {
  let auth = byDatabase.get(db);
  if (!auth) {
    auth = createStaffAuth(db);
    byDatabase.set(db, auth);
  }
  return auth;
}
