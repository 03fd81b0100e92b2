import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { displayableText } from '@/catalogue/forms/text';
import type { AnswerValue } from '@/catalogue/forms/types';
import type { Database } from '../client';
import { drafts, submissions, uploadedFiles, type Draft, type LastAttempt } from '../schema';

const lifetime = (days: number) => sql`now() + make_interval(days => ${days})`;

export async function createDraft(
  db: Database,
  values: {
    sessionHash: string;
    journeyId: string;
    journeyVersion: number;
    resumeCode: string;
    lifetimeDays: number;
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

export async function findDraftByResumeCode(db: Database, code: string): Promise<Draft | undefined> {
  const [draft] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.resumeCode, code), gt(drafts.expiresAt, sql`now()`)))
    .limit(1);
  return draft;
}

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

export async function recordConsent(db: Database, draftId: string): Promise<void> {
  await db
    .update(drafts)
    .set({ consentedAt: sql`now()`, lastAttempt: null })
    .where(eq(drafts.id, draftId));
}

/** Hands a draft to another browser (the resume code was typed there); the old cookie loses it. */
export async function moveDraftToSession(db: Database, draftId: string, sessionHash: string): Promise<void> {
  await db
    .update(drafts)
    .set({ sessionHash, updatedAt: sql`now()` })
    .where(eq(drafts.id, draftId));
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
