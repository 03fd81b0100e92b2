import { sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import type { Database } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { addressFrom } from './clientAddress';
import { env } from './env';

export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`. Kept in the
 * database, so every portal process shares the count, and atomic (one upsert), so parallel attempts
 * cannot slip past together.
 */
export async function hit(db: Database, key: string, limit: Limit) {
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return { allowed: (row?.count ?? 0) <= limit.max };
}

/** Forgets counters whose window has long passed; called by housekeeping. */
export async function pruneRateLimits(db: Database, olderThanSeconds = 86_400) {
  await db
    .delete(rateLimits)
    .where(sql`${rateLimits.windowStart} < now() - make_interval(secs => ${olderThanSeconds})`);
}

/**
 * The client's address: the rightmost X-Forwarded-For hop that none of our TRUSTED_PROXY_HOPS proxies
 * wrote; the socket's own address when no proxy is trusted (lib/clientAddress.ts, docs/adr/0020).
 */
export async function clientAddress(): Promise<string> {
  return addressFrom((await headers()).get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS);
}
