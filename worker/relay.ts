import { and, eq, sql } from 'drizzle-orm';
import { classify, type ProvinceClient } from '@/adapters/province';
import type { Database } from '@/db/client';
import {
  bringRetryingForward,
  claimDue,
  dossierForDelivery,
  markDelivered,
  markFailed,
  recordDossierCode,
  undeliveredCount,
  type OutboxMessage,
} from '@/db/queries/outbox';
import { dossiers, outboxMessages, submissions, uploadedFiles } from '@/db/schema';
import { log } from '@/lib/log';

/**
 * The outbox relay's policy: which rows to deliver, when to try a failed one again, when to give up. The
 * rows themselves belong to db/queries/outbox.ts and the province to adapters/province (which also says
 * whether a failure is worth retrying). Safe with several workers at once and after a crash at any point:
 * claims are locked and leased, and every call to the back end is idempotent by key.
 *
 * Retry schedule: exponential backoff with full jitter — the n-th retry waits a random time between 0 and
 * min(1 h, 5 s × 2ⁿ) — so about 11 attempts in the first hour, then one an hour on average; longer if the
 * back end asks (Retry-After). Retries go on for 14 days after the dossier was submitted (≈ 340 attempts);
 * then the row becomes `dead` and a person must look at it. Refusals go to `dead` at once. Nothing is
 * ever deleted.
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

/** Claims up to `limit` due rows and delivers them. Returns what happened, for logs and tests. */
export async function deliverDue(
  db: Database,
  province: ProvinceClient,
  limit = 10,
  options: RelayOptions = {},
) {
  const claimed = await claimDue(db, limit, options.leaseMs ?? DEFAULTS.leaseMs);
  const result = { delivered: 0, retrying: 0, dead: 0 };
  let recovered = false;
  for (const message of claimed) {
    // Ids only: the idempotency key holds the receipt reference.
    const logger = log.child({ outboxId: message.id, dossierId: message.dossierId });
    let submission: { id: string; draftId: string };
    try {
      submission = await deliverOne(db, province, message);
    } catch (error) {
      // If recording the failure itself fails, the error leaves this function and the lease brings the
      // row back.
      const verdict = classify(error);
      const expired =
        Date.now() - message.retryWindowFrom.getTime() > (options.retryWindowMs ?? DEFAULTS.retryWindowMs);
      const dead = verdict.permanent || expired;
      const delayMs = Math.max(
        backoffMs(message.attempts, options),
        verdict.permanent ? 0 : (verdict.retryAfterMs ?? 0),
      );
      await markFailed(db, message.id, { dead, delayMs, error: String((error as Error).message) });
      // A refusal quotes the back end's answer, which may repeat what the person wrote: its status only.
      const reason = verdict.permanent ? { refusedWith: verdict.status } : { err: error };
      const details = { ...reason, attempts: message.attempts, retryInMs: delayMs };
      if (dead) {
        result.dead += 1;
        logger.error(
          details,
          verdict.permanent ? 'Refused by the province: dead letter' : 'Retry window over: dead letter',
        );
      } else {
        result.retrying += 1;
        logger.warn(details, 'Delivery failed; will retry');
      }
      continue;
    }
    await markDelivered(db, message);
    result.delivered += 1;
    logger.info({ attempts: message.attempts }, 'Delivered');
    // Housekeeping after a delivery never changes it; a failure here is caught up by sweepSensitiveFiles.
    await deleteSensitiveFilesOnceDelivered(db, submission).catch((error: unknown) =>
      logger.warn({ err: error }, 'Sensitive files not deleted yet; the sweep will'),
    );
    // A row that had failed before has just gone through: the back end is answering again. Rows waiting
    // out a long backoff become due now; if the back end fails again they back off from their own count.
    if (message.attempts > 1 && !recovered) {
      recovered = true;
      await bringRetryingForward(db).then(
        () => logger.info('Province answers again: waiting rows brought forward'),
        (error: unknown) => logger.warn({ err: error }, 'Waiting rows not brought forward'),
      );
    }
  }
  return result;
}

/** One dossier: dossier code, then files, then the dossier itself; each step idempotent by key. */
async function deliverOne(db: Database, province: ProvinceClient, message: OutboxMessage) {
  const key = message.idempotencyKey;
  const dossier = await dossierForDelivery(db, message.dossierId);
  let code = dossier.provinceCode;
  if (!code) {
    code = await province.requestDossierCode(dossier.agencyCode, `${key}-code`);
    // Recorded before the files, so a retry after a crash reuses it rather than asking again.
    await recordDossierCode(db, message.dossierId, code);
  }
  const files: { id: string; name: string }[] = [];
  for (const file of dossier.files) {
    files.push({ id: await province.uploadFile(code, file, `${key}-file-${file.id}`), name: file.name });
  }
  await province.createDossier(
    {
      provinceCode: code,
      procedureId: dossier.procedureId,
      answers: dossier.answers,
      submittedAt: dossier.submittedAt,
      files,
      ...(dossier.assisted && { assisted: dossier.assisted }),
    },
    key,
  );
  return dossier.submission;
}

/**
 * ID-card images are sensitive personal data, kept only as long as needed: once every dossier of the
 * submission has reached the province, our copy is deleted.
 */
async function deleteSensitiveFilesOnceDelivered(db: Database, submission: { id: string; draftId: string }) {
  if ((await undeliveredCount(db, submission.id)) > 0) return;
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
