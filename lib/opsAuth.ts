import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The operations page is protected by one shared credential for now (HTTP Basic, any user name, the
 * password in OPS_PASSWORD). Without OPS_PASSWORD the page does not exist. `npm run portal` generates one
 * into `.data/ops-password`; production sets its own, behind HTTPS.
 */
export function opsEnabled(): boolean {
  return (process.env.OPS_PASSWORD ?? '').length >= 12;
}

/**
 * Both passwords are hashed first and the fixed-length digests compared in constant time: comparing the
 * passwords themselves must stop at a length mismatch (timingSafeEqual throws on one), which tells a
 * prober the password's length.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function opsAuthorized(authorization: string | null): boolean {
  const expected = process.env.OPS_PASSWORD ?? '';
  if (!opsEnabled() || !authorization?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  if (!decoded.includes(':')) return false;
  return sameSecret(decoded.slice(decoded.indexOf(':') + 1), expected);
}

export const OPS_CHALLENGE = 'Basic realm="motcua operations", charset="UTF-8"';
