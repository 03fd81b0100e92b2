import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { createDraft, findDraft } from '@/db/queries/drafts';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { hashToken } from '@/lib/session';
import { databaseTargets } from '../support/db';

// A draft belongs to one browser's session and lives DRAFT_LIFETIME_DAYS after its last change (the
// consent page says so). Two real sessions: each sees its own draft only, and an expired one is gone.
describe.each(databaseTargets)('a session’s draft on $name', ({ options }) => {
  const conn = connect(options);
  beforeAll(async () => {
    await conn.migrate();
    await seed(conn.db);
  });
  afterAll(() => conn.close());

  const draftFor = (sessionHash: string, lifetimeDays = 30) =>
    createDraft(conn.db, {
      sessionHash,
      journeyId: 'register-birth',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays,
    });

  it('is found by its own session and not by another person’s', async () => {
    const a = hashToken(`a-${randomCode()}`);
    const b = hashToken(`b-${randomCode()}`);
    const ofA = await draftFor(a);
    expect((await findDraft(conn.db, a, 'register-birth'))?.id).toBe(ofA.id);
    expect(await findDraft(conn.db, b, 'register-birth')).toBeUndefined();
    const ofB = await draftFor(b);
    expect((await findDraft(conn.db, b, 'register-birth'))?.id).toBe(ofB.id);
    expect((await findDraft(conn.db, a, 'register-birth'))?.id).toBe(ofA.id);
  });

  it('is not found once it has expired', async () => {
    const session = hashToken(`c-${randomCode()}`);
    await draftFor(session, -1);
    expect(await findDraft(conn.db, session, 'register-birth')).toBeUndefined();
  });
});
