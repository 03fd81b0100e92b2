import { and, desc, eq, sql } from 'drizzle-orm';
import type { NewRun } from '@/lib/leafletRuns';
import type { Database } from '../client';
import { leafletRuns, qrScans, type LeafletRun } from '../schema';
import { recordAudit } from './audit';

/**
 * Leaflet print runs and their scans (issue 15). A run is recorded once, with who recorded it (audited in
 * the same transaction); its source is its own for its guide and language, so that its scans are its own.
 */
export async function createLeafletRun(
  db: Database,
  run: NewRun,
  actorId: string,
): Promise<{ ok: true; run: LeafletRun } | { ok: false; refused: 'taken' }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(leafletRuns)
      .values({
        guideKind: run.guide.kind,
        guideId: run.guide.id,
        locale: run.locale,
        code: run.code,
        source: run.source,
        place: run.place,
        label: run.label,
        copies: run.copies,
        createdBy: actorId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) return { ok: false, refused: 'taken' };
    await recordAudit(tx, {
      action: 'leaflet-run-created',
      actorId,
      detail: { runId: created.id, code: created.code, source: created.source, copies: created.copies },
    });
    return { ok: true, run: created };
  });
}

/** Every run, newest first, with how many times its QR code has been scanned. */
export async function leafletRunsWithScans(db: Database) {
  return db
    .select({
      run: leafletRuns,
      scans: sql<number>`coalesce(sum(${qrScans.scans}), 0)::int`,
    })
    .from(leafletRuns)
    .leftJoin(qrScans, and(eq(qrScans.code, leafletRuns.code), eq(qrScans.source, leafletRuns.source)))
    .groupBy(leafletRuns.id)
    .orderBy(desc(leafletRuns.createdAt));
}
