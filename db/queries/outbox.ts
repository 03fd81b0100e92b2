import { and, count, desc, eq, gt, inArray, lte, min, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { communes, dossiers, outboxMessages, submissions, uploadedFiles } from '../schema';

/**
 * The outbox row's whole life, in one module: inserted with its dossier (submissions.ts calls
 * `addOutboxMessage` inside the submission's transaction), claimed and marked by the relay (worker/relay.ts,
 * which only decides the policy: when to retry, when to give up), reported and retried from the ops page.
 */

export type OutboxMessage = typeof outboxMessages.$inferSelect;
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** How a dossier's delivery stands, for the person (tracking) and the operator (ops). */
export type Delivery = 'waiting' | 'retrying' | 'delivered' | 'dead';

/**
 * "Retrying": tried, failed, and still to be tried again. The only definition: the health counts, the
 * problem list, the recovery after an outage and the tracking page all use it. A row in flight has its
 * last error cleared by `claimDue`, so it counts as waiting until it fails again.
 */
const retrying = sql`(${outboxMessages.status} = 'pending' and ${outboxMessages.lastError} is not null)`;

/** `Delivery` of each row, in SQL, for selects. */
export const deliveryOf = sql<Delivery>`case
  when ${outboxMessages.status} = 'delivered' then 'delivered'
  when ${outboxMessages.status} = 'dead' then 'dead'
  when ${retrying} then 'retrying'
  else 'waiting' end`;

/** One row per dossier, written in the submission's transaction: the receipt is only shown after it. */
export async function addOutboxMessage(tx: Tx | Database, dossierId: string, idempotencyKey: string) {
  await tx.insert(outboxMessages).values({ dossierId, idempotencyKey });
}

/**
 * Claims up to `limit` due rows for this worker: FOR UPDATE SKIP LOCKED so two workers never take the same
 * row at once, and a lease (`next_attempt_at` pushed `leaseMs` out) so the row stays hidden while it is
 * delivered and comes back by itself if this worker dies. Counts the attempt.
 */
export async function claimDue(db: Database, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, sql`now()`)))
      .orderBy(outboxMessages.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({
        attempts: sql`${outboxMessages.attempts} + 1`,
        nextAttemptAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        lastError: null,
      })
      .where(
        inArray(
          outboxMessages.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Everything the relay sends for one dossier, read from the ledger. */
export async function dossierForDelivery(db: Database, dossierId: string) {
  const [row] = await db
    .select({ dossier: dossiers, submission: submissions, agencyCode: communes.agencyCode })
    .from(dossiers)
    .innerJoin(submissions, eq(submissions.id, dossiers.submissionId))
    .innerJoin(communes, eq(communes.id, submissions.officeCommuneId))
    .where(eq(dossiers.id, dossierId));
  if (!row) throw new Error(`Dossier ${dossierId} not found`);
  const { dossier, submission } = row;
  const answers = submission.answers as Record<string, unknown>;
  const stored = await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, submission.draftId));
  // Only the files the submitted answers point at (an earlier upload replaced on the same question is not).
  const files = stored.filter((file) => {
    const answer = answers[file.questionId];
    return !!answer && typeof answer === 'object' && (answer as { fileId?: string }).fileId === file.id;
  });
  return {
    submission: { id: submission.id, draftId: submission.draftId },
    agencyCode: row.agencyCode,
    provinceCode: dossier.provinceCode,
    procedureId: dossier.procedureId,
    answers,
    submittedAt: submission.submittedAt,
    ...(submission.channel !== 'self' &&
      submission.helperName &&
      submission.assistPlace && {
        assisted: {
          channel: submission.channel,
          helperName: submission.helperName,
          place: submission.assistPlace,
        },
      }),
    files: files.map((f) => ({
      id: f.id,
      name: f.fileName,
      mimeType: f.mimeType,
      content: f.content,
      sha256: f.sha256,
    })),
  };
}

/** The code the back end minted, stored before the files go, so a retry after a crash reuses it. */
export async function recordDossierCode(db: Database, dossierId: string, provinceCode: string) {
  await db.update(dossiers).set({ provinceCode }).where(eq(dossiers.id, dossierId));
}

/**
 * Delivered: the row is done and the dossier is sent, from now on the status sync asks the province how
 * it is getting on (worker/statusSync.ts). If this fails the row comes back after its lease and is sent
 * again under the same keys, which the back end answers with the same dossier.
 */
export async function markDelivered(db: Database, message: Pick<OutboxMessage, 'id' | 'dossierId'>) {
  await db.transaction(async (tx) => {
    await tx
      .update(dossiers)
      .set({ status: 'sent', sentAt: sql`now()`, nextPollAt: sql`now()` })
      .where(eq(dossiers.id, message.dossierId));
    await tx
      .update(outboxMessages)
      .set({ status: 'delivered', deliveredAt: sql`now()`, lastError: null })
      .where(eq(outboxMessages.id, message.id));
  });
}

/** Failed: tried again after `delayMs`, or a dead letter a person must look at. */
export async function markFailed(
  db: Database,
  id: string,
  outcome: { readonly dead: boolean; readonly delayMs: number; readonly error: string },
) {
  await db
    .update(outboxMessages)
    .set({
      status: outcome.dead ? 'dead' : 'pending',
      nextAttemptAt: sql`now() + make_interval(secs => ${outcome.delayMs / 1000})`,
      lastError: outcome.error.slice(0, 500),
    })
    .where(eq(outboxMessages.id, id));
}

/**
 * Retrying rows waiting out a long backoff (more than a few seconds) become due now: after an outage the
 * backlog drains at the workers' pace instead of the backoff's.
 */
export async function bringRetryingForward(db: Database) {
  await db
    .update(outboxMessages)
    .set({ nextAttemptAt: sql`now()` })
    .where(and(retrying, gt(outboxMessages.nextAttemptAt, sql`now() + interval '5 seconds'`)));
}

/** Dossiers of this submission not yet delivered (pending or dead). */
export async function undeliveredCount(db: Database, submissionId: string): Promise<number> {
  const [open] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId))
    .where(and(eq(dossiers.submissionId, submissionId), sql`${outboxMessages.status} <> 'delivered'`));
  return open?.n ?? 0;
}

export interface OutboxHealth {
  /** Never tried yet (or in flight). */
  readonly waiting: number;
  /** Tried and failed at least once, still being retried. */
  readonly retrying: number;
  readonly dead: number;
  /** Submitted-at of the oldest row not yet delivered (pending or dead), if any. */
  readonly oldestUndelivered: Date | null;
  readonly deliveredLastHour: number;
}

export async function outboxHealth(db: Database): Promise<OutboxHealth> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${deliveryOf} = 'waiting')`.mapWith(Number),
      retrying: sql<number>`count(*) filter (where ${retrying})`.mapWith(Number),
      dead: sql<number>`count(*) filter (where ${outboxMessages.status} = 'dead')`.mapWith(Number),
      oldest: min(
        sql`case when ${outboxMessages.status} <> 'delivered' then ${outboxMessages.createdAt} end`,
      ),
    })
    .from(outboxMessages);
  const [delivered] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'delivered'),
        gt(outboxMessages.deliveredAt, sql`now() - interval '1 hour'`),
      ),
    );
  return {
    waiting: row?.waiting ?? 0,
    retrying: row?.retrying ?? 0,
    dead: row?.dead ?? 0,
    oldestUndelivered: row?.oldest ? new Date(row.oldest as string | Date) : null,
    deliveredLastHour: delivered?.n ?? 0,
  };
}

/** Rows a person must look at (dead letters), or those still retrying, newest problems first. */
export function outboxProblems(db: Database, status: 'dead' | 'retrying', limit = 50) {
  return db
    .select({
      id: outboxMessages.id,
      reference: submissions.reference,
      procedureId: dossiers.procedureId,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      nextAttemptAt: outboxMessages.nextAttemptAt,
    })
    .from(outboxMessages)
    .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId))
    .innerJoin(submissions, eq(submissions.id, dossiers.submissionId))
    .where(status === 'dead' ? eq(outboxMessages.status, 'dead') : retrying)
    .orderBy(desc(outboxMessages.nextAttemptAt))
    .limit(limit);
}

/**
 * A person has looked at a dead letter and sends it again: due now, with a fresh 14-day retry window and
 * the same idempotency key, so if the province did receive it after all it is not created twice.
 * Returns its dossier, or null if it was not dead.
 */
export async function retryDeadLetter(db: Database, id: string): Promise<{ dossierId: string } | null> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, retryWindowFrom: sql`now()` })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')))
    .returning({ dossierId: outboxMessages.dossierId });
  return rows[0] ?? null;
}
