import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { inJourneyOrder } from '@/lib/dossierOrder';
import type { DossierStatus } from '@/lib/provinceStatus';
import type { Database } from '../client';
import { deliveryOf, type Delivery } from './outbox';
import {
  dossierStatusEvents,
  dossiers,
  drafts,
  outboxMessages,
  submissions,
  type Dossier,
  type DossierStatusEvent,
} from '../schema';

export type { Delivery } from './outbox';

export interface DossierProgress {
  readonly dossier: Dossier;
  readonly delivery: Delivery;
  /** The province's statuses, oldest first. */
  readonly events: readonly DossierStatusEvent[];
}

/**
 * Each dossier of a submission with how its delivery stands and what the province has said since, in the
 * journey's order, as the receipt lists them.
 */
export async function progressOf(db: Database, submissionId: string): Promise<DossierProgress[]> {
  const found = await db
    .select({ dossier: dossiers, delivery: deliveryOf, journeyId: submissions.journeyId })
    .from(dossiers)
    .innerJoin(outboxMessages, eq(outboxMessages.dossierId, dossiers.id))
    .innerJoin(submissions, eq(submissions.id, dossiers.submissionId))
    .where(eq(dossiers.submissionId, submissionId));
  const rows = found.length
    ? inJourneyOrder(
        found[0]!.journeyId,
        found.map((row) => ({ ...row, procedureId: row.dossier.procedureId })),
      )
    : [];
  const events = rows.length
    ? await db
        .select()
        .from(dossierStatusEvents)
        .where(
          inArray(
            dossierStatusEvents.dossierId,
            rows.map((r) => r.dossier.id),
          ),
        )
        .orderBy(asc(dossierStatusEvents.occurredAt))
    : [];
  return rows.map(({ dossier, delivery }) => ({
    dossier,
    delivery,
    events: events.filter((e) => e.dossierId === dossier.id),
  }));
}

/** Is the draft behind this submission held by this session (the person who just applied)? */
export async function sessionOwnsDraft(db: Database, draftId: string, sessionHash: string | null) {
  if (!sessionHash) return false;
  const [row] = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.sessionHash, sessionHash)))
    .limit(1);
  return row !== undefined;
}

/** Statuses after which the province will not change the dossier again: polling stops. */
export const FINAL_STATUSES: readonly string[] = ['not-accepted', 'withdrawn', 'stopped', 'result-returned'];

/** C0 and C1 control characters but tab and line breaks: PostgreSQL's text and jsonb refuse U+0000. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Stores what the province reported for the dossier with this code: every history entry (a repeat is a
 * no-op, by the unique key), then the latest status on the dossier itself. Used by polling and webhook.
 * A report without history stands for "the status is now X": it adds an event only when X is not already
 * the dossier's status, so the same push repeated adds nothing. Control characters the province sends in
 * a note are removed here, where they would reach the database.
 */
export async function recordProvinceStatus(
  db: Database,
  report: DossierStatus,
  source: 'poll' | 'webhook',
): Promise<{ found: boolean; added: number }> {
  if (report.provinceCode.replace(CONTROL, '') !== report.provinceCode) return { found: false, added: 0 };
  const [dossier] = await db
    .select({ id: dossiers.id, provinceStatus: dossiers.provinceStatus })
    .from(dossiers)
    .where(eq(dossiers.provinceCode, report.provinceCode))
    .limit(1);
  if (!dossier) return { found: false, added: 0 };
  if (!report.history.length && dossier.provinceStatus === report.status) return { found: true, added: 0 };
  const history = report.history.length
    ? report.history
    : [{ status: report.status, at: new Date(), note: undefined }];
  const added = await db
    .insert(dossierStatusEvents)
    .values(
      history.map((h) => ({
        dossierId: dossier.id,
        status: h.status,
        occurredAt: h.at,
        note: h.note?.replace(CONTROL, '') || null,
        source,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: dossierStatusEvents.id });
  const latest = history.reduce((a, b) => (b.at >= a.at ? b : a));
  await db
    .update(dossiers)
    .set({
      provinceStatus: latest.status,
      provinceStatusAt: latest.at,
      ...(FINAL_STATUSES.includes(latest.status) ? { nextPollAt: null } : {}),
    })
    .where(
      and(
        eq(dossiers.id, dossier.id),
        // A late, older report (a webhook overtaken by a poll) never moves the status backwards.
        sql`(${dossiers.provinceStatusAt} is null or ${dossiers.provinceStatusAt} <= ${latest.at.toISOString()}::timestamptz)`,
      ),
    );
  return { found: true, added: added.length };
}
