import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { dossiers, submissions } from '../schema';

/**
 * The afternoon's list (docs/adr/0026): what one helper filed since `since`, newest first, each with its
 * dossiers' province statuses, so the helper sees which villager to go back to.
 */
export async function filingsSince(db: Database, helperId: string, since: Date) {
  const rows = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.helperId, helperId), gte(submissions.submittedAt, since)))
    .orderBy(desc(submissions.submittedAt))
    .limit(200);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const statuses = await db
    .select({ submissionId: dossiers.submissionId, provinceStatus: dossiers.provinceStatus })
    .from(dossiers)
    .where(inArray(dossiers.submissionId, ids));
  return rows.map((submission) => ({
    submission,
    statuses: statuses.filter((s) => s.submissionId === submission.id).map((s) => s.provinceStatus),
  }));
}
