import { and, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { ProvinceClient } from '@/adapters/province';
import type { Database } from '@/db/client';
import { recordProvinceStatus } from '@/db/queries/tracking';
import { dossiers } from '@/db/schema';
import { log } from '@/lib/log';

/**
 * Status sync by polling: asks the province for each sent dossier whose next poll is due, stores every
 * status change with the time it took effect there, and stops polling once the status is final. Claims
 * rows like the relay (FOR UPDATE SKIP LOCKED, then pushes `next_poll_at` out), so several workers share
 * the work; a failed poll is simply tried again at the next interval. The signed webhook
 * (app/api/province/status) feeds the same table, so a push and a poll of one change are stored once.
 */
export async function syncStatuses(
  db: Database,
  client: ProvinceClient,
  limit = 20,
  intervalMs = Number(process.env.STATUS_POLL_SECONDS ?? 300) * 1000,
) {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: dossiers.id, code: dossiers.provinceCode })
      .from(dossiers)
      .where(and(lte(dossiers.nextPollAt, sql`now()`), isNotNull(dossiers.provinceCode)))
      .orderBy(dossiers.nextPollAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(dossiers)
      .set({ nextPollAt: sql`now() + make_interval(secs => ${intervalMs / 1000})` })
      .where(
        inArray(
          dossiers.id,
          due.map((d) => d.id),
        ),
      );
    return due;
  });

  const result = { polled: claimed.length, changes: 0, failed: 0 };
  for (const { id, code } of claimed) {
    try {
      const report = await client.getStatus(code!);
      const { added } = await recordProvinceStatus(db, report, 'poll');
      result.changes += added;
      if (added > 0) log.info({ dossierId: id, added }, 'Status changes recorded');
    } catch (error) {
      result.failed += 1;
      log.debug({ dossierId: id, err: error }, 'Status poll failed');
    }
  }
  // One line per round, not per dossier: while the province is down every poll fails.
  if (result.failed > 0) log.warn(result, 'Status polls failed; tried again next interval');
  return result;
}
