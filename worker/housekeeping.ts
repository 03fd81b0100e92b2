import type { Database } from '@/db/client';
import { pruneRateLimits } from '@/lib/rateLimit';

/**
 * Tidying that is not delivery, run by the relay loop every few minutes: rate-limit counters whose window
 * has long passed (one row per address and reference would otherwise stay forever). The ledger itself is
 * never pruned (docs/adr/0007).
 */
export async function housekeeping(db: Database): Promise<void> {
  await pruneRateLimits(db);
}
