import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import {
  dossiers,
  drafts,
  receiptReferences,
  submissions,
  type AssistPlace,
  type Channel,
  type Dossier,
  type Submission,
} from '../schema';
import { recordAudit } from './audit';
import { addOutboxMessage } from './outbox';

/** The draft was handed to another browser (its resume code was typed there) before it could be sent. */
export class DraftMovedError extends Error {
  constructor() {
    super('The draft is no longer held by this session');
    this.name = 'DraftMovedError';
  }
}

export interface NewSubmission {
  readonly draftId: string;
  readonly journeyId: string;
  readonly journeyVersion: number;
  readonly answers: Record<string, unknown>;
  readonly officeCommuneId: string;
  readonly phoneLast4: string | null;
  readonly cidLast4: string | null;
  readonly trackingKey: string;
  readonly procedures: readonly { id: string; version: number }[];
  /** Assisted mode (docs/adr/0026); left out, the person filed themselves. */
  readonly assisted?: {
    readonly channel: Exclude<Channel, 'self'>;
    readonly helperId: string;
    /** The helper device whose PIN opened the helper's session, for the audit log. */
    readonly helperDeviceId?: string | null;
    readonly helperName: string;
    readonly place: AssistPlace;
    readonly consentReadIn: string | null;
  };
}

/**
 * Commits a submission, one dossier per procedure, and one outbox row per dossier, in one transaction:
 * once the receipt is shown, everything the relay needs is durable. The unique draft id makes a second
 * submission of the same draft (double tap, back and resubmit) return the first one instead.
 *
 * Only the session holding the draft sends it, checked under a lock on the draft row that
 * moveDraftToSession takes too: a resume racing the submission either moves the draft first (this then
 * throws DraftMovedError, nothing is sent) or waits and finds it submitted (and moves nothing).
 */
export async function submitDraft(
  db: Database,
  submission: NewSubmission,
  newReference: () => string,
  sessionHash: string,
): Promise<{ submission: Submission; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const reference = newReference();
    try {
      return await db.transaction(async (tx) => {
        const [held] = await tx
          .select({ id: drafts.id })
          .from(drafts)
          .where(and(eq(drafts.id, submission.draftId), eq(drafts.sessionHash, sessionHash)))
          .for('update');
        if (!held) throw new DraftMovedError();
        const row = await insertSubmission(tx, submission, reference);
        if (!row) {
          const [existing] = await tx
            .select()
            .from(submissions)
            .where(eq(submissions.draftId, submission.draftId));
          return { submission: existing!, created: false };
        }
        // Taken for good: no helper device's block can ever be given it (docs/adr/0029).
        await tx.insert(receiptReferences).values({ reference, usedAt: row.submittedAt });
        return { submission: row, created: true };
      });
    } catch (error) {
      // A reference collision (with a submission's, or one reserved for a device) is retried with a new one.
      if (!isReferenceCollision(error)) throw error;
    }
  }
  throw new Error('Could not allocate a unique receipt reference');
}

/** A unique violation on a receipt reference: another submission's, or one reserved for a helper device. */
export function isReferenceCollision(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error);
  return text.includes('submissions_reference_unique') || text.includes('receipt_references_pkey');
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * A submission's rows inside `tx`: the submission, one dossier and one outbox row per procedure, and —
 * for an assisted one — its audit entry; null when its draft (or offline client UUID) already has one.
 * The one way a submission is written, online (submitDraft) and synced from a device (db/queries/offline.ts).
 */
export async function insertSubmission(
  tx: Transaction,
  submission: NewSubmission,
  reference: string,
  offline?: { readonly deviceId: string; readonly contentHash: string },
): Promise<Submission | null> {
  const { assisted, ...own } = submission;
  const [row] = await tx
    .insert(submissions)
    .values({
      ...own,
      reference,
      ...(assisted && {
        channel: assisted.channel,
        helperId: assisted.helperId,
        helperName: assisted.helperName,
        assistPlace: assisted.place,
        consentReadIn: assisted.consentReadIn,
      }),
      ...(offline && { offlineDeviceId: offline.deviceId, offlineContentHash: offline.contentHash }),
    })
    .onConflictDoNothing({ target: submissions.draftId })
    .returning();
  if (!row) return null;
  for (const procedure of submission.procedures) {
    const [dossier] = await tx
      .insert(dossiers)
      .values({ submissionId: row.id, procedureId: procedure.id, procedureVersion: procedure.version })
      .returning({ id: dossiers.id });
    await addOutboxMessage(tx, dossier!.id, `${reference}-${procedure.id}`);
  }
  // Who filed for whom is audited with the submission itself: both commit, or neither.
  if (assisted) {
    await recordAudit(tx, {
      action: 'application-filed',
      actorId: assisted.helperId,
      deviceId: assisted.helperDeviceId ?? null,
      submissionId: row.id,
      detail: {
        journeyId: submission.journeyId,
        channel: assisted.channel,
        place: assisted.place.kind,
      },
    });
  }
  return row;
}

export async function findSubmissionByDraft(db: Database, draftId: string): Promise<Submission | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.draftId, draftId)).limit(1);
  return row;
}

export async function findSubmissionByReference(
  db: Database,
  reference: string,
): Promise<Submission | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.reference, reference)).limit(1);
  return row;
}

export function dossiersOf(db: Database, submissionId: string): Promise<Dossier[]> {
  return db
    .select()
    .from(dossiers)
    .where(eq(dossiers.submissionId, submissionId))
    .orderBy(asc(dossiers.createdAt));
}
