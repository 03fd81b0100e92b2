import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@/db/client';
import { sessionOwnsDraft } from '@/db/queries/tracking';
import type { Submission } from '@/db/schema';
import { database } from '@/db/prepare';
import { currentSessionHash } from './session';
import { hit, type Limit } from './rateLimit';

/**
 * Who may see a dossier's status: the person who applied (their session still holds the draft), anyone
 * holding the receipt (its QR code carries the tracking key), or someone who types the reference with the
 * last 4 digits of the phone or citizen ID number given in it (the second factor), within the rate limit.
 */

/**
 * Typed look-ups are limited per reference *and* client address: 5 in 15 minutes, so one address cannot
 * walk the 10,000 possible digits, and a stranger's wrong tries use up their own allowance, not the
 * owner's (the owner types from their own phone). A ceiling per reference over all addresses stops a
 * guesser spread over many addresses: 10,000 digits at 30 per 15 minutes is days of guessing, and only
 * such an attack can lock the owner out of typing; the receipt's QR key always opens (docs/adr/0020).
 */
export const PER_REFERENCE_AND_CLIENT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const PER_REFERENCE: Limit = { max: 30, windowSeconds: 15 * 60 };
/** Per client address over all references: generous, since a village hall's laptops share one 4G address. */
export const PER_CLIENT: Limit = { max: 60, windowSeconds: 15 * 60 };

/** Counts one typed look-up of `reference` from `client` and says whether it may be tried. */
export async function lookUpAllowed(db: Database, reference: string, client: string) {
  const [perClient, perPair, perReference] = await Promise.all([
    hit(db, `track:client:${client}`, PER_CLIENT),
    hit(db, `track:ref-client:${reference}:${client}`, PER_REFERENCE_AND_CLIENT),
    hit(db, `track:ref:${reference}`, PER_REFERENCE),
  ]);
  return {
    allowed: perClient.allowed && perPair.allowed && perReference.allowed,
    overClientLimit: !perClient.allowed,
    overReceiptLimit: !perPair.allowed || !perReference.allowed,
  };
}

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
