import { timingSafeEqual } from 'node:crypto';

/**
 * The operations page is protected by one shared credential for now (HTTP Basic, any user name, the
 * password in OPS_PASSWORD). Without OPS_PASSWORD the page does not exist. `npm run portal` generates one
 * into `.data/ops-password`; production sets its own, behind HTTPS.
 */
export function opsEnabled(): boolean {
  return (process.env.OPS_PASSWORD ?? '').length >= 12;
}

export function opsAuthorized(authorization: string | null): boolean {
  const expected = process.env.OPS_PASSWORD ?? '';
  if (!opsEnabled() || !authorization?.startsWith('Basic ')) return false;
  let decoded: string;
  try {
    decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  } catch {
    return false;
  }
  const given = decoded.slice(decoded.indexOf(':') + 1);
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return decoded.includes(':') && a.length === b.length && timingSafeEqual(a, b);
}

export const OPS_CHALLENGE = 'Basic realm="motcua operations", charset="UTF-8"';
