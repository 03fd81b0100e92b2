import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { displayableText } from '@/catalogue/forms/text';
import type { AnswerValue } from '@/catalogue/forms/types';
import type { Database } from '../client';
import {
  drafts,
  submissions,
  uploadedFiles,
  type AssistPlace,
  type Draft,
  type LastAttempt,
} from '../schema';

const lifetime = (days: number) => sql`now() + make_interval(days => ${days})`;

export async function createDraft(
  db: Database,
  values: {
    sessionHash: string;
    journeyId: string;
    journeyVersion: number;
    resumeCode: string;
    lifetimeDays: number;
    /** Assisted mode: the staff member filing for the villager, and where. */
    assistedBy?: string;
    assistPlace?: AssistPlace;
  },
): Promise<Draft> {
  const [draft] = await db
    .insert(drafts)
    .values({ ...values, expiresAt: lifetime(values.lifetimeDays) })
    .returning();
  return draft!;
}

/** The session's unexpired draft for a journey, submitted or not. */
export async function findDraft(
  db: Database,
  sessionHash: string,
  journeyId: string,
): Promise<Draft | undefined> {
  const [draft] = await db
    .select()
    .from(drafts)
    .where(
      and(
        eq(drafts.sessionHash, sessionHash),
        eq(drafts.journeyId, journeyId),
        gt(drafts.expiresAt, sql`now()`),
      ),
    )
    .orderBy(sql`${drafts.createdAt} desc`)
    .limit(1);
  return draft;
}

/** The unexpired, unsubmitted draft a resume code opens: once submitted, the code opens nothing. */
export async function findDraftByResumeCode(db: Database, code: string): Promise<Draft | undefined> {
  const [draft] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.resumeCode, code), gt(drafts.expiresAt, sql`now()`), notSubmitted))
    .limit(1);
  return draft;
}

const notSubmitted = sql`not exists (select 1 from ${submissions} where ${submissions.draftId} = ${drafts.id})`;

/** Saving an answer also clears the last failed attempt and extends the draft's life. */
export async function saveAnswer(
  db: Database,
  draftId: string,
  questionId: string,
  value: AnswerValue,
  lifetimeDays: number,
): Promise<void> {
  await db
    .update(drafts)
    .set({
      answers: sql`${drafts.answers} || ${JSON.stringify({ [questionId]: value })}::jsonb`,
      lastAttempt: null,
      updatedAt: sql`now()`,
      expiresAt: lifetime(lifetimeDays),
    })
    .where(eq(drafts.id, draftId));
}

/**
 * Keeps a refused attempt to show it again. What was typed is stored without its control characters:
 * PostgreSQL's jsonb refuses U+0000 (a bare 500 before), and no raw control character is stored anywhere.
 */
export async function saveLastAttempt(db: Database, draftId: string, attempt: LastAttempt): Promise<void> {
  const values = Object.fromEntries(
    Object.entries(attempt.values).map(([name, typed]) => [name, displayableText(typed)]),
  );
  await db
    .update(drafts)
    .set({ lastAttempt: { ...attempt, values }, updatedAt: sql`now()` })
    .where(eq(drafts.id, draftId));
}

/** Consent given; in assisted mode, with the language the helper read the text aloud in. */
export async function recordConsent(
  db: Database,
  draftId: string,
  readIn: string | null = null,
): Promise<void> {
  await db
    .update(drafts)
    .set({ consentedAt: sql`now()`, consentReadIn: readIn, lastAttempt: null })
    .where(eq(drafts.id, draftId));
}

/**
 * "Finish and clear this device": the unsubmitted drafts a helper started under this browser's session,
 * with their files, are deleted (a submitted one stays: the province needs it). Returns how many.
 */
export async function deleteAssistedDrafts(
  db: Database,
  sessionHash: string,
  staffId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const own = tx
      .select({ id: drafts.id })
      .from(drafts)
      .where(and(eq(drafts.sessionHash, sessionHash), eq(drafts.assistedBy, staffId), notSubmitted));
    await tx.delete(uploadedFiles).where(sql`${uploadedFiles.draftId} in (${own})`);
    const deleted = await tx
      .delete(drafts)
      .where(sql`${drafts.id} in (${own})`)
      .returning({ id: drafts.id });
    return deleted.length;
  });
}

/**
 * Hands the draft a resume code opens to another browser (the code was typed there); the old cookie loses
 * it. A submitted draft is never moved: its receipt stays with the person who sent it. submitDraft locks
 * the same row first, so a move and a submission of one draft take turns; the look for a submission runs
 * after the lock is held, as a statement of its own, so (READ COMMITTED) it sees a submission committed
 * while this waited.
 */
export async function moveDraftToSession(
  db: Database,
  resumeCode: string,
  sessionHash: string,
): Promise<Draft | undefined> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ id: drafts.id })
      .from(drafts)
      .where(and(eq(drafts.resumeCode, resumeCode), gt(drafts.expiresAt, sql`now()`)))
      .limit(1)
      .for('update');
    if (!draft) return undefined;
    const [moved] = await tx
      .update(drafts)
      .set({ sessionHash, updatedAt: sql`now()` })
      .where(and(eq(drafts.id, draft.id), notSubmitted))
      .returning();
    return moved;
  });
}

/**
 * Deletes expired drafts that were never submitted, with their files. Submitted drafts are kept: their
 * row is what makes a late double submission find the existing receipt.
 */
export async function deleteExpiredDrafts(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = tx
      .select({ id: drafts.id })
      .from(drafts)
      .where(
        and(
          lt(drafts.expiresAt, sql`now()`),
          sql`not exists (select 1 from ${submissions} where ${submissions.draftId} = ${drafts.id})`,
        ),
      );
    await tx.delete(uploadedFiles).where(sql`${uploadedFiles.draftId} in (${expired})`);
    const deleted = await tx
      .delete(drafts)
      .where(sql`${drafts.id} in (${expired})`)
      .returning({ id: drafts.id });
    return deleted.length;
  });
}
