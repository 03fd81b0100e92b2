import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { connect } from '@/db/client';
import {
  awaitingReview,
  CONTENT_CHANNEL,
  contentGeneration,
  contentHistory,
  decideRevision,
  draftRevision,
  publishedContent,
  restoreRevision,
  submitForReview,
} from '@/db/queries/content';
import { auditEvents, contentRevisions } from '@/db/schema';
import { databaseTargets } from '../support/db';

// The province's content under review (docs/adr/0030), on both drivers: draft → review → published, never
// approved by its author, decided once, scheduled, restored as a new reviewed revision, and fixed once
// written (the database refuses to change a revision's content).

describe.each(databaseTargets)('content revisions on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const run = `${process.pid}${Date.now().toString(36)}`;
  const kind = `fact-${run}`;
  const editor = `editor-${run}`;
  const reviewer = `reviewer-${run}`;
  const fee = (value: string, over: Partial<Parameters<typeof draftRevision>[1]> = {}) =>
    draftRevision(db, {
      kind,
      key: 'register-birth:fee',
      value,
      note: 'Nghị quyết mới',
      authorId: editor,
      ...over,
    });
  const live = async (now = new Date()) =>
    (await publishedContent(db, kind, now)).find((p) => p.key === 'register-birth:fee');

  beforeAll(() => conn.migrate());
  afterAll(() => conn.close());

  it('publishes a fact only once another person has approved it, with its source', async () => {
    const draft = await fee('8.000 đ', { source: 'Nghị quyết 12/2026/NQ-HĐND', checkedOn: '2026-12-01' });
    expect(draft).toMatchObject({ number: 1, state: 'draft' });
    expect(await live()).toBeUndefined();
    // Only its author sends it; then it waits in the reviewers' queue.
    expect(await submitForReview(db, draft.id, reviewer)).toEqual({ ok: false, refused: 'not-yours' });
    expect((await submitForReview(db, draft.id, editor)).ok).toBe(true);
    expect((await awaitingReview(db)).map((r) => r.revision.id)).toContain(draft.id);
    // Its author cannot approve it, whoever they are besides.
    expect(await decideRevision(db, { revisionId: draft.id, reviewerId: editor, approve: true })).toEqual({
      ok: false,
      refused: 'own-change',
    });
    expect(await live()).toBeUndefined();
    const approved = await decideRevision(db, { revisionId: draft.id, reviewerId: reviewer, approve: true });
    expect(approved.ok).toBe(true);
    expect(await live()).toMatchObject({
      value: '8.000 đ',
      source: 'Nghị quyết 12/2026/NQ-HĐND',
      checkedOn: '2026-12-01',
    });
    // Decided once: a second decision finds it no longer in review.
    expect(await decideRevision(db, { revisionId: draft.id, reviewerId: reviewer, approve: false })).toEqual({
      ok: false,
      refused: 'not-in-review',
    });
    const audit = await db
      .select({ action: auditEvents.action, actor: auditEvents.actorId })
      .from(auditEvents)
      .where(sql`${auditEvents.detail}->>'revisionId' = ${draft.id}`);
    expect(audit).toEqual([
      { action: 'content-submitted', actor: editor },
      { action: 'content-published', actor: reviewer },
    ]);
  });

  it('keeps a rejected change out, and a scheduled one until its day', async () => {
    const rejected = await fee('1 đ');
    await submitForReview(db, rejected.id, editor);
    await decideRevision(db, { revisionId: rejected.id, reviewerId: reviewer, approve: false, note: 'Sai' });
    expect((await live())?.value).toBe('8.000 đ');
    const later = new Date(Date.now() + 7 * 86_400_000);
    const scheduled = await fee('10.000 đ', { publishAt: later });
    await submitForReview(db, scheduled.id, editor);
    await decideRevision(db, { revisionId: scheduled.id, reviewerId: reviewer, approve: true });
    expect((await live())?.value).toBe('8.000 đ');
    expect((await live(new Date(later.getTime() + 1000)))?.value).toBe('10.000 đ');
  });

  it('restores an old value as a new revision that is reviewed like any other', async () => {
    const history = await contentHistory(db, { kind, key: 'register-birth:fee' });
    expect(history.map((r) => r.number)).toEqual([3, 2, 1]);
    const restored = (await restoreRevision(db, history[2]!.id, editor))!;
    expect(restored).toMatchObject({
      number: 4,
      state: 'draft',
      value: '8.000 đ',
      source: 'Nghị quyết 12/2026/NQ-HĐND',
    });
    expect((await contentHistory(db, { kind, key: 'register-birth:fee' })).map((r) => r.number)).toEqual([
      4, 3, 2, 1,
    ]);
  });

  it('changes its generation when something is published, or a scheduled one comes due, only then', async () => {
    const before = new Date();
    const at = (now: Date) => contentGeneration(db, now);
    const g0 = await at(before);
    const draft = await fee('9.000 đ', { key: 'register-marriage:fee' });
    await submitForReview(db, draft.id, editor);
    expect(await at(before)).toBe(g0);
    await decideRevision(db, { revisionId: draft.id, reviewerId: reviewer, approve: true });
    const published = new Date();
    const g1 = await at(published);
    expect(g1).not.toBe(g0);
    const later = new Date(Date.now() + 3 * 86_400_000);
    const scheduled = await fee('9.500 đ', { key: 'register-marriage:fee', publishAt: later });
    await submitForReview(db, scheduled.id, editor);
    await decideRevision(db, { revisionId: scheduled.id, reviewerId: reviewer, approve: true });
    expect(await at(published)).toBe(g1);
    expect(await at(new Date(later.getTime() + 1000))).not.toBe(g1);
  });

  it.runIf(!!options.databaseUrl)(
    'notifies every listener of an approval, at commit, not of a rejection',
    async () => {
      const listener = postgres(options.databaseUrl!, { max: 1, onnotice: () => {} });
      const heard: string[] = [];
      const { unlisten } = await listener.listen(CONTENT_CHANNEL, (payload) => heard.push(payload));
      try {
        const rejected = await fee('1 đ', { key: 'notify:fee' });
        await submitForReview(db, rejected.id, editor);
        await decideRevision(db, {
          revisionId: rejected.id,
          reviewerId: reviewer,
          approve: false,
          note: 'Sai',
        });
        const approved = await fee('2 đ', { key: 'notify:fee' });
        await submitForReview(db, approved.id, editor);
        await decideRevision(db, { revisionId: approved.id, reviewerId: reviewer, approve: true });
        await expect.poll(() => heard, { timeout: 5000 }).toContain(approved.id);
        expect(heard).not.toContain(rejected.id);
      } finally {
        await unlisten();
        await listener.end();
      }
    },
  );

  it('sets aside a change in review when a newer one of its item is sent, so the older never wins', async () => {
    const older = await fee('10.000 đ', { key: 'superseded:fee' });
    expect((await submitForReview(db, older.id, editor)).ok).toBe(true);
    const newer = await fee('12.000 đ', { key: 'superseded:fee', submit: true });
    const [setAside] = await db.select().from(contentRevisions).where(eq(contentRevisions.id, older.id));
    expect(setAside).toMatchObject({ state: 'rejected', decisionNote: `superseded:${newer.number}` });
    expect(await decideRevision(db, { revisionId: older.id, reviewerId: reviewer, approve: true })).toEqual({
      ok: false,
      refused: 'not-in-review',
    });
    expect((await awaitingReview(db)).map((r) => r.revision.id)).toContain(newer.id);
    // The same when the newest is a draft sent afterwards.
    const newest = await fee('13.000 đ', { key: 'superseded:fee' });
    expect((await submitForReview(db, newest.id, editor)).ok).toBe(true);
    const queue = (await awaitingReview(db)).map((r) => r.revision.id);
    expect(queue).toContain(newest.id);
    expect(queue).not.toContain(newer.id);
  });

  it('numbers drafts made at the same moment one after the other', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fee(`${i}`, { key: 'register-death:fee' })),
    );
    expect(made.map((r) => r.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses to change what a revision says once written, or to remove it', async () => {
    const [first] = await contentHistory(db, { kind, key: 'register-birth:fee' }).then((h) => h.slice(-1));
    await expect(
      db.update(contentRevisions).set({ value: '0 đ' }).where(eq(contentRevisions.id, first!.id)),
    ).rejects.toThrow();
    await expect(db.delete(contentRevisions).where(eq(contentRevisions.id, first!.id))).rejects.toThrow();
    await expect(
      db
        .update(contentRevisions)
        .set({ state: 'bogus' as 'draft' })
        .where(and(eq(contentRevisions.id, first!.id))),
    ).rejects.toThrow();
  });
});
