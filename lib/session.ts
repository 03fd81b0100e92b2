import { createHash, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';

/**
 * The only client-side state: a random session token in an httpOnly cookie. The database keeps its
 * SHA-256, so a leaked database cannot be turned into working cookies. No personal data is in the cookie.
 */
const secure =
  (process.env.SECURE_COOKIES ?? (process.env.NODE_ENV === 'production' ? 'true' : 'false')) === 'true';
// The __Host- prefix pins the cookie to this host and path, and requires Secure.
export const SESSION_COOKIE = secure ? '__Host-motcua_session' : 'motcua_session';

/** Days a draft lives after its last change; stated to people on the consent page. */
export const DRAFT_LIFETIME_DAYS = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function currentSessionHash(): Promise<string | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}

/** Returns the session's hash, creating the cookie first if there is none. Server Actions only. */
export async function ensureSessionHash(): Promise<string> {
  return (await currentSessionHash()) ?? newSession();
}

/**
 * A new session for this browser, whatever it held: in assisted mode each villager's application starts
 * here, so nothing the last villager's cookie opened can be reached again (docs/adr/0026). Server Actions only.
 */
export async function newSession(): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge: DRAFT_LIFETIME_DAYS * 24 * 60 * 60,
  });
  return hashToken(token);
}

/** Forgets this browser's session: its drafts can no longer be reached from here. Server Actions only. */
export async function clearSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
