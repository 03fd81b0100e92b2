import { and, count, eq, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { ProvinceClient } from '@/adapters/province/client';
import { ProvincePermanentError, ProvinceRetryableError } from '@/adapters/province/errors';
import { toCreateDossierDto } from '@/adapters/province/payload';
import type { Database } from '@/db/client';
import { communes, dossiers, outboxMessages, submissions, uploadedFiles } from '@/db/schema';
import { log } from '@/lib/log';
import viMessages from '@/messages/vi.json';

/**
 * The outbox relay: claims due rows, delivers each dossier through the adapter, records the province's
 * dossier code. Safe with several workers at once (FOR UPDATE SKIP LOCKED plus a lease) and after a crash
 * at any point (every call to the back end is idempotent by key; an expired lease is claimed again).
 *
 * Retry schedule: exponential backoff with full jitter — the n-th retry waits a random time between 0 and
 * min(1 h, 5 s × 2ⁿ) — so about 11 attempts in the first hour, then one an hour on average. Retries go on
 * for 14 days after the dossier was submitted (≈ 340 attempts); then the row becomes `dead` and a person
 * must look at it. Rejections (4xx) go to `dead` at once. Nothing is ever deleted.
 */

export interface RelayOptions {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly retryWindowMs?: number;
  /** How long a claimed row is hidden from other workers while this one delivers it. */
  readonly leaseMs?: number;
  readonly random?: () => number;
}

const DEFAULTS = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  retryWindowMs: 14 * 24 * 3_600_000,
  leaseMs: 120_000,
};

export function backoffMs(attempt: number, options: RelayOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

const titles = viMessages.catalogue.procedures as Record<string, { title: string }>;

/** Claims up to `limit` due rows and delivers them. Returns what happened, for logs and tests. */
export async function deliverDue(
  db: Database,
  client: ProvinceClient,
  limit = 10,
  options: RelayOptions = {},
) {
  const lease = options.leaseMs ?? DEFAULTS.leaseMs;
  const claimed = await db.transaction(async (tx) => {
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
        nextAttemptAt: sql`now() + make_interval(secs => ${lease / 1000})`,
        // Cleared while in flight, which also keeps leased rows out of bringForwardAfterRecovery.
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

  const result = { delivered: 0, retrying: 0, dead: 0 };
  let recovered = false;
  for (const message of claimed) {
    // Ids only: the idempotency key holds the receipt reference.
    const logger = log.child({ outboxId: message.id, dossierId: message.dossierId });
    let submission: { id: string; draftId: string };
    try {
      submission = await deliverOne(db, client, message.dossierId, message.idempotencyKey);
    } catch (error) {
      // Only the back end's own refusal is final. Anything else — a timeout, a 5xx, or our database
      // dropping the connection mid-delivery — is tried again; if recording the failure itself fails,
      // the error leaves this function and the lease brings the row back.
      const expired =
        Date.now() - message.retryWindowFrom.getTime() > (options.retryWindowMs ?? DEFAULTS.retryWindowMs);
      const permanent = error instanceof ProvincePermanentError;
      const delay = Math.max(
        backoffMs(message.attempts, options),
        error instanceof ProvinceRetryableError ? (error.retryAfterMs ?? 0) : 0,
      );
      await db
        .update(outboxMessages)
        .set({
          status: permanent || expired ? 'dead' : 'pending',
          nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})`,
          lastError: String((error as Error).message).slice(0, 500),
        })
        .where(eq(outboxMessages.id, message.id));
      // A refusal quotes the back end's answer, which may repeat what the person wrote: its status only.
      const reason = permanent ? { refusedWith: (error as ProvincePermanentError).status } : { err: error };
      const details = { ...reason, attempts: message.attempts, retryInMs: delay };
      if (permanent || expired) {
        result.dead += 1;
        logger.error(
          details,
          permanent ? 'Refused by the province: dead letter' : 'Retry window over: dead letter',
        );
      } else {
        result.retrying += 1;
        logger.warn(details, 'Delivery failed; will retry');
      }
      continue;
    }
    // Delivered. If this update fails the row comes back after its lease and is sent again under the same
    // keys, which the back end answers with the same dossier.
    await db
      .update(outboxMessages)
      .set({ status: 'delivered', deliveredAt: sql`now()`, lastError: null })
      .where(eq(outboxMessages.id, message.id));
    result.delivered += 1;
    logger.info({ attempts: message.attempts }, 'Delivered');
    // Housekeeping after a delivery never changes it; a failure here is caught up by sweepSensitiveFiles.
    await deleteSensitiveFilesOnceDelivered(db, submission).catch((error: unknown) =>
      logger.warn({ err: error }, 'Sensitive files not deleted yet; the sweep will'),
    );
    if (message.attempts > 1 && !recovered) {
      recovered = true;
      await bringForwardAfterRecovery(db).then(
        () => logger.info('Province answers again: waiting rows brought forward'),
        (error: unknown) => logger.warn({ err: error }, 'Waiting rows not brought forward'),
      );
    }
  }
  return result;
}

/**
 * A row that had failed before has just gone through: the back end is answering again. Rows waiting out
 * a long backoff (up to an hour after an outage) become due now, so a backlog drains at the workers' pace
 * instead of the backoff's. If the back end fails again they back off again from their own attempt count.
 */
async function bringForwardAfterRecovery(db: Database) {
  await db
    .update(outboxMessages)
    .set({ nextAttemptAt: sql`now()` })
    .where(
      and(
        eq(outboxMessages.status, 'pending'),
        gt(outboxMessages.attempts, 0),
        gt(outboxMessages.nextAttemptAt, sql`now() + interval '5 seconds'`),
        isNotNull(outboxMessages.lastError),
      ),
    );
}

/** One dossier: dossier code, then files, then the dossier itself; each step idempotent by key. */
async function deliverOne(db: Database, client: ProvinceClient, dossierId: string, key: string) {
  const [row] = await db
    .select({ dossier: dossiers, submission: submissions, agencyCode: communes.agencyCode })
    .from(dossiers)
    .innerJoin(submissions, eq(submissions.id, dossiers.submissionId))
    .innerJoin(communes, eq(communes.id, submissions.officeCommuneId))
    .where(eq(dossiers.id, dossierId));
  if (!row) throw new Error(`Dossier ${dossierId} not found`);
  const { dossier, submission } = row;
  const code =
    dossier.provinceCode ?? (await client.requestDossierCode(row.agencyCode, `${key}-code`)).MaHoSo;
  if (!dossier.provinceCode) {
    // Recorded before the files, so a retry after a crash reuses it rather than asking again.
    await db.update(dossiers).set({ provinceCode: code }).where(eq(dossiers.id, dossierId));
  }
  const files = await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, submission.draftId));
  const uploaded: { id: string; name: string }[] = [];
  for (const file of files) {
    const answer = (submission.answers as Record<string, unknown>)[file.questionId];
    if (!answer || typeof answer !== 'object' || (answer as { fileId?: string }).fileId !== file.id) continue;
    const { IdTep } = await client.uploadFile(
      {
        MaHoSo: code,
        TenTep: file.fileName,
        LoaiTep: file.mimeType,
        NoiDung: Buffer.from(file.content).toString('base64'),
        SHA256: file.sha256,
      },
      `${key}-file-${file.id}`,
    );
    uploaded.push({ id: IdTep, name: file.fileName });
  }
  await client.createDossier(
    toCreateDossierDto({
      provinceCode: code,
      procedureId: dossier.procedureId,
      procedureTitle: titles[dossier.procedureId]?.title ?? dossier.procedureId,
      answers: submission.answers as Record<string, unknown>,
      submittedAt: submission.submittedAt,
      files: uploaded,
    }),
    key,
  );
  // From now on the status sync asks the province how the dossier is getting on (worker/statusSync.ts).
  await db
    .update(dossiers)
    .set({ status: 'sent', sentAt: sql`now()`, nextPollAt: sql`now()` })
    .where(eq(dossiers.id, dossierId));
  return submission;
}

/**
 * ID-card images are sensitive personal data, kept only as long as needed: once every dossier of the
 * submission has reached the province, our copy is deleted.
 */
async function deleteSensitiveFilesOnceDelivered(db: Database, submission: { id: string; draftId: string }) {
  const [open] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId))
    .where(and(eq(dossiers.submissionId, submission.id), ne(outboxMessages.status, 'delivered')));
  if ((open?.n ?? 0) > 0) return;
  await db
    .delete(uploadedFiles)
    .where(and(eq(uploadedFiles.draftId, submission.draftId), eq(uploadedFiles.sensitive, true)));
}

/** Sensitive files of submissions whose dossiers have all been delivered: for a deletion that failed. */
export async function sweepSensitiveFiles(db: Database) {
  await db.execute(sql`
    delete from ${uploadedFiles} f
    where f.sensitive and exists (select 1 from ${submissions} s where s.draft_id = f.draft_id
      and not exists (select 1 from ${dossiers} d join ${outboxMessages} o on o.dossier_id = d.id
        where d.submission_id = s.id and o.status <> 'delivered'))`);
}
