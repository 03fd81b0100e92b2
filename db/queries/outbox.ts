import { and, count, desc, eq, gt, min, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { dossiers, outboxMessages, submissions } from '../schema';

export interface OutboxHealth {
  /** Never tried yet (or in flight for the first time). */
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
      waiting:
        sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending' and ${outboxMessages.lastError} is null)`.mapWith(
          Number,
        ),
      retrying:
        sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending' and ${outboxMessages.lastError} is not null)`.mapWith(
          Number,
        ),
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
    .where(
      status === 'dead'
        ? eq(outboxMessages.status, 'dead')
        : and(eq(outboxMessages.status, 'pending'), sql`${outboxMessages.lastError} is not null`),
    )
    .orderBy(desc(outboxMessages.nextAttemptAt))
    .limit(limit);
}

/**
 * A person has looked at a dead letter and sends it again: due now, with a fresh 14-day retry window and
 * the same idempotency key, so if the province did receive it after all it is not created twice.
 * Returns false if it was not dead.
 */
export async function retryDeadLetter(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, retryWindowFrom: sql`now()` })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')))
    .returning({ id: outboxMessages.id });
  return rows.length === 1;
}
