import { desc, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { qrScans } from '../schema';

/** The day in the province (Vietnam has one time zone and no daylight saving). */
const provinceDay = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

/** Counts one scan of a printed code: one atomic upsert, nothing about the person. */
export async function recordScan(db: Database, code: string, source: string): Promise<void> {
  await db
    .insert(qrScans)
    .values({ code, source, day: provinceDay, scans: 1 })
    .onConflictDoUpdate({
      target: [qrScans.code, qrScans.source, qrScans.day],
      set: { scans: sql`${qrScans.scans} + 1` },
    });
}

/** Scans per code and source over the last `days` days, most scanned first. */
export async function scanTotals(db: Database, days = 30) {
  return db
    .select({ code: qrScans.code, source: qrScans.source, scans: sql<number>`sum(${qrScans.scans})::int` })
    .from(qrScans)
    .where(sql`${qrScans.day} > ${provinceDay} - ${days}::int`)
    .groupBy(qrScans.code, qrScans.source)
    .orderBy(desc(sql`sum(${qrScans.scans})`), qrScans.code, qrScans.source);
}
