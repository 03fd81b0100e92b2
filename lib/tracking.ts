import { timingSafeEqual } from 'node:crypto';
import { sessionOwnsDraft } from '@/db/queries/tracking';
import type { Submission } from '@/db/schema';
import { database } from './applications';
import { currentSessionHash } from './session';
import type { Limit } from './rateLimit';

/**
 * Who may see a dossier's status: the person who applied (their session still holds the draft), anyone
 * holding the receipt (its QR code carries the tracking key), or someone who types the reference with the
 * last 4 digits of the phone or citizen ID number given in it (the second factor), within the rate limit.
 */

/** Per reference: 5 wrong tries in 15 minutes, so 10,000 possible digits cannot be walked. */
export const PER_REFERENCE: Limit = { max: 5, windowSeconds: 15 * 60 };
/** Per client address: generous, since a village hall's laptops share one 4G address. */
export const PER_CLIENT: Limit = { max: 60, windowSeconds: 15 * 60 };

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function keyOpens(submission: Submission, key: unknown): boolean {
  return typeof key === 'string' && submission.trackingKey !== null && same(key, submission.trackingKey);
}

export function secondFactorMatches(submission: Submission, digits: string): boolean {
  if (!/^\d{4}$/.test(digits)) return false;
  // Both compared, always, so the time taken does not tell which one matched.
  const phone = submission.phoneLast4 !== null && same(digits, submission.phoneLast4);
  const cid = submission.cidLast4 !== null && same(digits, submission.cidLast4);
  return phone || cid;
}

export async function mayView(submission: Submission, key: unknown): Promise<boolean> {
  if (keyOpens(submission, key)) return true;
  return sessionOwnsDraft(await database(), submission.draftId, await currentSessionHash());
}
