import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { connect } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import {
  attachmentWithCommune,
  citizenIdQuestionIds,
  communeQueue,
  foldName,
  markOriginalsReceived,
  nameQuestionIds,
  openDossier,
  readDeskQuery,
  searchDossiers,
} from '@/db/queries/desk';
import { storeFile } from '@/db/queries/files';
import { submitDraft } from '@/db/queries/submissions';
import { auditEvents, outboxMessages, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { nameOnSlip, startOfTodayInVietnam } from '@/lib/assist';
import { applicantCitizenId, applicantName } from '@/lib/applicant';
import { parseCode, randomCode } from '@/lib/codes';
import { allows, communesWhere, type Grant } from '@/lib/staff/roles';
import { birthBundleSubmission, databaseTargets } from '../support/db';

// The officer's desk (docs/adr/0027): who may see which commune's dossiers, and how they are found.

const communes = ['tan-quang', 'nam-dan', 'quang-nguyen', 'tan-lap'];
const grant = (role: Grant['role'], communeId: string | null): Grant => ({ role, communeId, language: null });

describe('desk rules', () => {
  it('folds names as an officer types them: no tone marks, đ as d, any case, single spaces', () => {
    expect(foldName('Lò Thị Mỷ')).toBe('lo thi my');
    expect(foldName('  ĐẶNG   Văn  Đức ')).toBe('dang van duc');
    // Decomposed input (a keyboard that sends combining marks) folds the same.
    expect(foldName('Lo\u0300 Thi\u0323 My\u0309')).toBe('lo thi my');
  });

  it('reads a query as a reference, a 12-digit citizen ID or part of a name', () => {
    expect(readDeskQuery('abcd-2345', parseCode)).toMatchObject({ reference: 'ABCD2345' });
    expect(readDeskQuery('001 204 012 345', parseCode)).toEqual({
      reference: null,
      citizenId: '001204012345',
      name: null,
    });
    expect(readDeskQuery('Mỷ', parseCode)).toEqual({ reference: null, citizenId: null, name: 'my' });
    // One letter would list half the commune; digits that are not a whole ID are no name.
    expect(readDeskQuery('M', parseCode).name).toBeNull();
    expect(readDeskQuery('1234', parseCode)).toEqual({ reference: null, citizenId: null, name: null });
  });

  it('searches every name and citizen-ID question of every journey', () => {
    expect(nameQuestionIds).toEqual(
      expect.arrayContaining(['applicant-name', 'child-name', 'partner2-name', 'deceased-name']),
    );
    expect(citizenIdQuestionIds).toEqual(
      expect.arrayContaining(['applicant-cid', 'partner1-cid', 'mother-cid']),
    );
  });

  it('gives the desk to officers (and province admins) of the commune only; never to helpers', () => {
    expect(communesWhere([grant('commune-officer', 'nam-dan')], 'dossiers:process', communes)).toEqual([
      'nam-dan',
    ]);
    expect(communesWhere([grant('province-admin', null)], 'dossiers:process', communes)).toEqual(communes);
    expect(communesWhere([grant('helper', 'nam-dan')], 'dossiers:process', communes)).toEqual([]);
    expect(communesWhere([grant('digital-team-leader', 'nam-dan')], 'dossiers:process', communes)).toEqual(
      [],
    );
    expect(allows([grant('commune-officer', 'tan-quang')], 'dossiers:process', { commune: 'nam-dan' })).toBe(
      false,
    );
  });

  it('prints a villager’s name on a slip as initials and the given name', () => {
    expect(nameOnSlip('Lò Thị Mỷ')).toBe('L. T. Mỷ');
    expect(nameOnSlip('  Giàng   A  Páo ')).toBe('G. A. Páo');
    expect(nameOnSlip('Páo')).toBe('Páo');
    expect(nameOnSlip('')).toBe('');
    expect(nameOnSlip('đặng văn đức')).toBe('Đ. V. đức');
  });

  it('starts "today" at midnight in Vietnam', () => {
    // 23:30 UTC on 1 Dec is 06:30 on 2 Dec in Vietnam: today began at 17:00 UTC on 1 Dec.
    expect(startOfTodayInVietnam(new Date('2026-12-01T23:30:00Z')).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
    expect(startOfTodayInVietnam(new Date('2026-12-01T16:59:00Z')).toISOString()).toBe(
      '2026-11-30T17:00:00.000Z',
    );
  });

  it('names the applicant, or the first partner of a marriage', () => {
    expect(applicantName({ 'applicant-name': 'A', 'partner1-name': 'B' })).toBe('A');
    expect(applicantName({ 'partner1-name': 'B' })).toBe('B');
    expect(applicantCitizenId({ 'partner1-cid': '001204012345' })).toBe('001204012345');
    expect(applicantCitizenId({})).toBeNull();
  });
});

describe.each(databaseTargets)('the desk on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
  });
  afterAll(() => conn.close());

  /** A submission at `commune` for a person with a name of this run's own, so other files' rows never match. */
  async function file(commune: string, answers: Record<string, unknown>) {
    const session = 's'.repeat(64);
    const draft = await createDraft(db, {
      sessionHash: session,
      journeyId: 'birth-bundle',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
    });
    const { submission } = await submitDraft(
      db,
      { ...birthBundleSubmission(draft.id, answers), officeCommuneId: commune },
      randomCode,
      session,
    );
    return { submission, draft };
  }
  const unique = () => `Xyz${randomCode(6).toLowerCase().replace(/[0-9]/g, 'q')}`;

  it('finds a dossier by a name typed without tone marks, by the child’s name, by reference and by citizen ID', async () => {
    const family = unique();
    const cid = `0012040${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const { submission } = await file('nam-dan', {
      'applicant-name': `Lò Thị Mỷ ${family}`,
      'child-name': `Đặng Văn Đức ${family}`,
      'applicant-cid': cid,
    });
    const search = (q: string, at = ['nam-dan']) => searchDossiers(db, at, readDeskQuery(q, parseCode));
    for (const q of [`lo thi my ${family}`, `MỶ ${family.toUpperCase()}`, `dang van duc ${family}`, family]) {
      expect(
        (await search(q)).map((r) => r.id),
        q,
      ).toEqual([submission.id]);
    }
    expect((await search(submission.reference.toLowerCase())).map((r) => r.id)).toEqual([submission.id]);
    expect((await search(cid)).map((r) => r.id)).toEqual([submission.id]);
    const [row] = await search(family);
    expect(row).toMatchObject({
      reference: submission.reference,
      delivery: 'waiting',
      originalsReceivedAt: null,
    });
    // Another commune's officer finds nothing, by any key.
    for (const q of [family, submission.reference, cid]) expect(await search(q, ['tan-quang'])).toEqual([]);
    expect(await searchDossiers(db, [], readDeskQuery(family, parseCode))).toEqual([]);
  });

  it('treats LIKE wildcards in a query as letters', async () => {
    const family = unique();
    await file('tan-lap', { 'applicant-name': `Giàng A Páo ${family}` });
    expect(await searchDossiers(db, ['tan-lap'], readDeskQuery('%%', parseCode))).toEqual([]);
    expect(await searchDossiers(db, ['tan-lap'], readDeskQuery(`${family.slice(0, 3)}_`, parseCode))).toEqual(
      [],
    );
  });

  it('lists the latest dossiers when nothing is typed, newest first, of the given communes only', async () => {
    const older = await file('quang-nguyen', { 'applicant-name': unique() });
    const newer = await file('quang-nguyen', { 'applicant-name': unique() });
    const rows = await searchDossiers(db, ['quang-nguyen'], readDeskQuery('', parseCode));
    expect(rows.every((r) => r.officeCommuneId === 'quang-nguyen')).toBe(true);
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(newer.submission.id)).toBeLessThan(ids.indexOf(older.submission.id));
    expect(ids.indexOf(newer.submission.id)).toBeGreaterThanOrEqual(0);
  });

  it('shows the least advanced delivery of a bundle, and the commune’s queue without delivered ones', async () => {
    const { submission } = await file('nam-dan', { 'applicant-name': unique() });
    const opened = await openDossier(db, submission.reference);
    expect(opened!.dossiers).toHaveLength(3);
    const [first, second] = opened!.dossiers;
    await db
      .update(outboxMessages)
      .set({ status: 'delivered' })
      .where(eq(outboxMessages.dossierId, first!.id));
    await db.update(outboxMessages).set({ status: 'dead' }).where(eq(outboxMessages.dossierId, second!.id));
    const [row] = await searchDossiers(db, ['nam-dan'], readDeskQuery(submission.reference, parseCode));
    expect(row!.delivery).toBe('dead');
    const queue = (await communeQueue(db, ['nam-dan'], 10_000)).filter(
      (q) => q.reference === submission.reference,
    );
    expect(queue.map((q) => q.delivery).sort()).toEqual(['dead', 'waiting']);
    expect(await communeQueue(db, ['tan-quang'], 10_000)).not.toContainEqual(
      expect.objectContaining({ reference: submission.reference }),
    );
    expect(await communeQueue(db, [])).toEqual([]);
  });

  it('opens a dossier with its attachments, and finds an attachment’s commune for the file route', async () => {
    const { submission, draft } = await file('tan-quang', { 'applicant-name': unique() });
    const fileId = await storeFile(db, {
      draftId: draft.id,
      questionId: 'birth-notice',
      fileName: 'giay-chung-sinh.jpg',
      mimeType: 'image/jpeg',
      size: 3,
      sha256: 'x',
      content: new Uint8Array([1, 2, 3]),
      sensitive: false,
    });
    const opened = await openDossier(db, submission.reference);
    expect(opened!.files).toEqual([
      {
        id: fileId,
        questionId: 'birth-notice',
        fileName: 'giay-chung-sinh.jpg',
        mimeType: 'image/jpeg',
        size: 3,
      },
    ]);
    expect(await attachmentWithCommune(db, fileId)).toMatchObject({
      officeCommuneId: 'tan-quang',
      submissionId: submission.id,
    });
    expect(await openDossier(db, 'ZZZZZZZZ')).toBeNull();
    expect(await attachmentWithCommune(db, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('records the originals once, with one audit entry, whoever clicks second', async () => {
    const { submission } = await file('tan-quang', { 'applicant-name': unique() });
    const officer = `officer-${randomCode()}`;
    const colleague = `officer-${randomCode()}`;
    const results = await Promise.all([
      markOriginalsReceived(db, submission.id, { id: officer, clientAddress: '10.0.0.1' }),
      markOriginalsReceived(db, submission.id, { id: colleague, clientAddress: '10.0.0.2' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [row] = await db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(row!.originalsReceivedAt).not.toBeNull();
    expect([officer, colleague]).toContain(row!.originalsReceivedBy);
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, submission.id), eq(auditEvents.action, 'originals-received')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(row!.originalsReceivedBy);
    expect(await markOriginalsReceived(db, submission.id, { id: officer, clientAddress: null })).toBe(false);
  });
});

describe('the audit log as staff read it', () => {
  it('names every audit action in Vietnamese and English', async () => {
    const { auditActions } = await import('@/db/queries/audit');
    for (const locale of ['vi', 'en'] as const) {
      const messages = (await import(`@/messages/${locale}.json`)).default as {
        staff: { audit: { actions: Record<string, string> } };
      };
      expect(Object.keys(messages.staff.audit.actions).sort(), locale).toEqual([...auditActions].sort());
    }
  });
});
