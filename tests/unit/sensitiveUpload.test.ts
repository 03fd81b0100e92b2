import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveAnswerAction } from '@/app/[locale]/apply/[journeyId]/q/[questionId]/actions';
import { connect } from '@/db/client';
import { createDraft, recordConsent } from '@/db/queries/drafts';
import { uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { hashToken, SESSION_COOKIE } from '@/lib/session';
import { PNG } from '../support/apply';
import { cookieJar, type CookieJar } from '../support/cookies';
import { databaseTargets } from '../support/db';

// An ID-card photo is sensitive personal data: the relay deletes it once the province has the dossier
// (worker/relay.ts), but only rows stored with `sensitive` set. Uploaded through the question page's own
// action, as a person would, and read back from the table.
let jar: CookieJar = cookieJar();
vi.mock('next/headers', () => ({ cookies: async () => jar.store, headers: async () => new Headers() }));

describe.each(databaseTargets)('an upload on $name', ({ options }) => {
  const conn = connect(options);
  const global = globalThis as unknown as { motcuaDb?: unknown };
  beforeAll(async () => {
    global.motcuaDb = conn;
    await conn.migrate();
    await seed(conn.db);
  });
  afterAll(async () => {
    delete global.motcuaDb;
    await conn.close();
  });

  async function upload(journeyId: string, questionId: string) {
    const token = `${randomCode()}${'u'.repeat(43)}`.slice(0, 43);
    const draft = await createDraft(conn.db, {
      sessionHash: hashToken(token),
      journeyId,
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
    });
    await recordConsent(conn.db, draft.id);
    jar = cookieJar(`${SESSION_COOKIE}=${token}`);
    const form = new FormData();
    form.set('locale', 'vi');
    form.set('journeyId', journeyId);
    form.set('questionId', questionId);
    form.set(questionId, new File([PNG], 'anh.png', { type: 'image/png' }));
    // The action ends with a redirect to the next question, which Next.js throws.
    await expect(saveAnswerAction(form)).rejects.toThrow(/NEXT_REDIRECT/);
    return conn.db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, draft.id));
  }

  it('stores an ID-card photo as sensitive', async () => {
    const rows = await upload('certify-marital-status', 'id-card-photo');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sensitive).toBe(true);
  });

  it('stores a death notice as an ordinary document', async () => {
    const rows = await upload('register-death', 'death-notice');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sensitive).toBe(false);
  });
});
