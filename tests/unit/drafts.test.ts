import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import {
  createDraft,
  deleteExpiredDrafts,
  findDraftByResumeCode,
  moveDraftToSession,
  saveAnswer,
} from '@/db/queries/drafts';
import { storeFile } from '@/db/queries/files';
import { DraftMovedError, findSubmissionByDraft, submitDraft } from '@/db/queries/submissions';
import { drafts, dossiers, outboxMessages, submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { birthBundleSubmission, databaseTargets } from '../support/db';

// The ledger's rules, on both drivers: one submission per draft, dossiers and outbox rows together,
// expired drafts deleted with their files, submitted ones kept.

describe.each(databaseTargets)('drafts and submissions on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
  });
  afterAll(() => conn.close());

  const newDraft = (lifetimeDays = 30) =>
    createDraft(db, {
      sessionHash: 'h'.repeat(64),
      journeyId: 'birth-bundle',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays,
    });

  it('merges answers into the draft, keeping earlier ones', async () => {
    const draft = await newDraft();
    await saveAnswer(db, draft.id, 'child-name', 'Vàng Thị Mai', 30);
    await saveAnswer(db, draft.id, 'child-dob', { day: '1', month: '2', year: '2026' }, 30);
    const found = await findDraftByResumeCode(db, draft.resumeCode);
    expect(found?.answers).toEqual({
      'child-name': 'Vàng Thị Mai',
      'child-dob': { day: '1', month: '2', year: '2026' },
    });
  });

  it('commits one submission, a dossier and an outbox row per procedure, even when submitted twice at once', async () => {
    const draft = await newDraft();
    const submission = birthBundleSubmission(draft.id, { 'child-name': 'Vàng Thị Mai' });
    const [a, b] = await Promise.all([
      submitDraft(db, submission, randomCode, 'h'.repeat(64)),
      submitDraft(db, submission, randomCode, 'h'.repeat(64)),
    ]);
    expect(a.submission.reference).toBe(b.submission.reference);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const rows = await db
      .select()
      .from(submissions)
      .where(sql`${submissions.draftId} = ${draft.id}`);
    expect(rows).toHaveLength(1);
    const ds = await db
      .select()
      .from(dossiers)
      .where(sql`${dossiers.submissionId} = ${rows[0]!.id}`);
    expect(ds.map((d) => d.procedureId).sort()).toEqual(submission.procedures.map((p) => p.id).sort());
    const outbox = await db
      .select()
      .from(outboxMessages)
      .where(
        sql`${outboxMessages.dossierId} in (${sql.join(
          ds.map((d) => sql`${d.id}`),
          sql`, `,
        )})`,
      );
    expect(outbox).toHaveLength(3);
    expect(new Set(outbox.map((o) => o.idempotencyKey)).size).toBe(3);
    expect(outbox.every((o) => o.status === 'pending')).toBe(true);
  });

  it('deletes expired unsubmitted drafts and their files, and keeps submitted ones', async () => {
    const expired = await newDraft();
    const submitted = await newDraft();
    await storeFile(db, {
      draftId: expired.id,
      questionId: 'birth-notice',
      fileName: 'a.png',
      mimeType: 'image/png',
      size: 3,
      sha256: 'x',
      content: new Uint8Array([1, 2, 3]),
      sensitive: false,
    });
    await submitDraft(db, birthBundleSubmission(submitted.id), randomCode, 'h'.repeat(64));
    await db
      .update(drafts)
      .set({ expiresAt: sql`now() - interval '1 day'` })
      .where(sql`${drafts.id} in (${expired.id}, ${submitted.id})`);
    expect(await deleteExpiredDrafts(db)).toBeGreaterThanOrEqual(1);
    const left = await db
      .select({ id: drafts.id })
      .from(drafts)
      .where(sql`${drafts.id} in (${expired.id}, ${submitted.id})`);
    expect(left.map((d) => d.id)).toEqual([submitted.id]);
    expect(
      await db
        .select()
        .from(uploadedFiles)
        .where(sql`${uploadedFiles.draftId} = ${expired.id}`),
    ).toHaveLength(0);
    expect(await findDraftByResumeCode(db, expired.resumeCode)).toBeUndefined();
  });

  // Two people: the submitter (session "h…", the draft's) and someone typing its resume code ("r…").
  const submitter = 'h'.repeat(64);
  const resumer = 'r'.repeat(64);
  const sessionOf = async (draftId: string) =>
    (
      await db
        .select({ s: drafts.sessionHash })
        .from(drafts)
        .where(sql`${drafts.id} = ${draftId}`)
    )[0]!.s;

  it('once submitted, the resume code opens nothing and the draft stays with the submitter', async () => {
    const draft = await newDraft();
    await submitDraft(db, birthBundleSubmission(draft.id), randomCode, submitter);
    expect(await moveDraftToSession(db, draft.resumeCode, resumer)).toBeUndefined();
    expect(await findDraftByResumeCode(db, draft.resumeCode)).toBeUndefined();
    expect(await sessionOf(draft.id)).toBe(submitter);
  });

  it('before submission the code moves the draft; the old session can then no longer send it', async () => {
    const draft = await newDraft();
    expect((await moveDraftToSession(db, draft.resumeCode, resumer))?.sessionHash).toBe(resumer);
    await expect(submitDraft(db, birthBundleSubmission(draft.id), randomCode, submitter)).rejects.toThrow(
      DraftMovedError,
    );
    expect(await findSubmissionByDraft(db, draft.id)).toBeUndefined();
  });

  it('resuming and submitting at once: whoever holds the draft afterwards is whoever sent it, or nobody sent it', async () => {
    for (let round = 0; round < 8; round += 1) {
      const draft = await newDraft();
      const [sent, moved] = await Promise.all([
        submitDraft(db, birthBundleSubmission(draft.id), randomCode, submitter).then(
          () => true,
          (error: unknown) => {
            if (error instanceof DraftMovedError) return false;
            throw error;
          },
        ),
        moveDraftToSession(db, draft.resumeCode, resumer),
      ]);
      const submitted = (await findSubmissionByDraft(db, draft.id)) !== undefined;
      expect(submitted, `round ${round}`).toBe(sent);
      // Exactly one of them won: the submitter keeps the draft (and so the receipt), or the resumer has it
      // and nothing was sent.
      expect(sent !== (moved !== undefined), `round ${round}`).toBe(true);
      expect(await sessionOf(draft.id), `round ${round}`).toBe(sent ? submitter : resumer);
    }
  });
});
