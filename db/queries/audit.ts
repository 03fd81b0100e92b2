import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { auditEvents, staffUsers, submissions } from '../schema';

/**
 * What staff did (docs/adr/0023). This module only inserts and reads: the table refuses UPDATE and
 * DELETE itself (the trigger in migration 0004), so there is nothing here that could rewrite history.
 */
export const auditActions = [
  'sign-in',
  'sign-in-failed',
  'sign-in-locked',
  'lockout',
  'second-factor-failed',
  'two-factor-enrolled',
  'sign-out',
  'sign-out-everywhere',
  'account-created',
  'role-granted',
  'dead-letter-retried',
  'application-started',
  'consent-read-aloud',
  'application-filed',
  'device-cleared',
  'dossier-opened',
  'dossier-open-refused',
  'attachment-opened',
  'originals-received',
  'slips-opened',
  'device-issued',
  'device-enrolled',
  'device-unlock-failed',
  'device-unlock-refused',
  'device-locked',
  'device-revoked',
  'references-reserved',
  'photo-received',
  'content-drafted',
  'content-submitted',
  'content-published',
  'content-rejected',
  'leaflet-run-created',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface NewAuditEvent {
  readonly action: AuditAction;
  readonly actorId: string | null;
  readonly deviceId?: string | null;
  readonly dossierId?: string | null;
  readonly submissionId?: string | null;
  /** Never a password, a code or a citizen's personal data: what was done, not what was typed. */
  readonly detail?: Record<string, unknown>;
  readonly clientAddress?: string | null;
}

type Executor = Pick<Database, 'insert'>;

export async function recordAudit(db: Executor, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    action: event.action,
    actorId: event.actorId,
    deviceId: event.deviceId ?? null,
    dossierId: event.dossierId ?? null,
    submissionId: event.submissionId ?? null,
    detail: event.detail ?? {},
    clientAddress: event.clientAddress ?? null,
  });
}

/** The latest entries, newest first; of one actor, or about one submission, when given. */
export function auditTrail(
  db: Database,
  options: { actorId?: string; submissionId?: string; limit?: number } = {},
) {
  return db
    .select()
    .from(auditEvents)
    .where(
      options.actorId
        ? eq(auditEvents.actorId, options.actorId)
        : options.submissionId
          ? eq(auditEvents.submissionId, options.submissionId)
          : undefined,
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(options.limit ?? 50);
}

/** `auditTrail` with each actor's user name and name, for pages that show who did what. */
export function auditTrailWithActors(db: Database, options: { submissionId?: string; limit?: number } = {}) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: staffUsers.name,
      actorUsername: staffUsers.username,
      submissionId: auditEvents.submissionId,
      reference: submissions.reference,
      deviceId: auditEvents.deviceId,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorId))
    .leftJoin(submissions, eq(submissions.id, auditEvents.submissionId))
    .where(options.submissionId ? eq(auditEvents.submissionId, options.submissionId) : undefined)
    .orderBy(desc(auditEvents.occurredAt))
    .limit(options.limit ?? 100);
}
