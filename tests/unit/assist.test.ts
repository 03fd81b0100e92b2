import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { toCreateDossierDto } from '@/adapters/province/payload';
import { connect } from '@/db/client';
import { filingsSince } from '@/db/queries/assist';
import { createDraft, deleteAssistedDrafts, findDraft } from '@/db/queries/drafts';
import { storeFile } from '@/db/queries/files';
import { dossierForDelivery } from '@/db/queries/outbox';
import { submitDraft } from '@/db/queries/submissions';
import { auditEvents, dossiers, submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { channelFor, filingCommunes, mayContinue, parsePlace, readAloudLanguage } from '@/lib/assist';
import { randomCode } from '@/lib/codes';
import { hashToken } from '@/lib/session';
import type { Grant } from '@/lib/staff/roles';
import type { Staff } from '@/lib/staff/session';
import { birthBundleSubmission, databaseTargets } from '../support/db';

// Assisted mode (docs/adr/0026): the rules of who may file for whom, and what a filing records.

const helperAt = (communeId: string): Grant => ({ role: 'helper', communeId, language: null });
const officerAt = (communeId: string): Grant => ({ role: 'commune-officer', communeId, language: null });
const communes = ['tan-quang', 'nam-dan', 'thong-nguyen', 'ho-thau'];
const staff = (id: string): Staff => ({
  user: { id, username: id, name: id },
  sessionId: 's',
  deviceId: null,
  grants: [],
  secondFactorMissing: false,
});

describe('assisted-mode rules', () => {
  it('takes a named village hall or the commune desk, and nothing else', () => {
    expect(parsePlace('village-hall', '  Nhà văn hoá Nà Lũng ')).toEqual({
      kind: 'village-hall',
      name: 'Nhà văn hoá Nà Lũng',
    });
    expect(parsePlace('commune-office', 'ignored')).toEqual({ kind: 'commune-office', name: '' });
    expect(parsePlace('village-hall', '   ')).toBe('place-name');
    expect(parsePlace('village-hall', 'x'.repeat(81))).toBe('place-name-long');
    expect(parsePlace('village-hall', 'x'.repeat(80))).toEqual({
      kind: 'village-hall',
      name: 'x'.repeat(80),
    });
    expect(parsePlace('market', 'Chợ')).toBe('place-kind');
    expect(parsePlace('village-hall', 'A\u0000B')).toEqual({ kind: 'village-hall', name: 'AB' });
  });

  it('lets a helper file for their own commune only; an officer files as an officer', () => {
    expect(filingCommunes([helperAt('nam-dan')], communes)).toEqual(['nam-dan']);
    expect(filingCommunes([{ role: 'translator', communeId: null, language: 'hmn' }], communes)).toEqual([]);
    expect(channelFor([helperAt('nam-dan')], 'nam-dan')).toBe('helper');
    expect(channelFor([officerAt('nam-dan')], 'nam-dan')).toBe('officer');
    // An officer of one commune helping in another files there as a helper would, if granted at all.
    expect(channelFor([officerAt('tan-quang'), helperAt('nam-dan')], 'nam-dan')).toBe('helper');
  });

  it('continues an assisted draft only for the staff member who started it', () => {
    expect(mayContinue({ assistedBy: 'a' }, staff('a'))).toBe(true);
    expect(mayContinue({ assistedBy: 'a' }, staff('b'))).toBe(false);
    expect(mayContinue({ assistedBy: 'a' }, null)).toBe(false);
    expect(mayContinue({ assistedBy: null }, staff('a'))).toBe(false);
  });

  it('knows the portal languages as read-aloud languages, nothing else', () => {
    expect(readAloudLanguage('hmn')).toBe('hmn');
    expect(readAloudLanguage('fr')).toBeNull();
    expect(readAloudLanguage('')).toBeNull();
  });

  it('tells the province who filed, with whose help and where', () => {
    const base = {
      provinceCode: 'C',
      procedureId: 'register-birth',
      answers: { 'applicant-name': 'Giàng Thị Mỷ' },
      submittedAt: new Date(),
      files: [],
    };
    expect(toCreateDossierDto(base)).toMatchObject({
      HinhThucNop: 'tu-nop',
      NguoiHoTro: null,
      NoiHoTro: null,
    });
    const helped = toCreateDossierDto({
      ...base,
      assisted: {
        channel: 'helper',
        helperName: 'Lò Văn Hùng',
        place: { kind: 'village-hall', name: 'Nà Lũng' },
      },
    });
    expect(helped).toMatchObject({
      ChuHoSo: 'Giàng Thị Mỷ',
      HinhThucNop: 'ho-tro',
      NguoiHoTro: { HoTen: 'Lò Văn Hùng' },
      NoiHoTro: { Loai: 'nha-van-hoa', Ten: 'Nà Lũng' },
    });
    const desk = toCreateDossierDto({
      ...base,
      assisted: { channel: 'officer', helperName: 'Hà Thị Lan', place: { kind: 'commune-office', name: '' } },
    });
    expect(desk).toMatchObject({ HinhThucNop: 'can-bo', NoiHoTro: { Loai: 'mot-cua-xa', Ten: '' } });
  });
});

describe.each(databaseTargets)('assisted filing on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
  });
  afterAll(() => conn.close());

  const helperId = () => `helper-${randomCode()}`;
  const draftFor = (sessionHash: string, assistedBy?: string) =>
    createDraft(db, {
      sessionHash,
      journeyId: 'birth-bundle',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
      ...(assistedBy && { assistedBy, assistPlace: { kind: 'village-hall' as const, name: 'Nà Lũng' } }),
    });

  it('records the channel, the helper and the place with the submission, and audits it in the same commit', async () => {
    const helper = helperId();
    const session = hashToken(randomCode());
    const draft = await draftFor(session, helper);
    const { submission } = await submitDraft(
      db,
      {
        ...birthBundleSubmission(draft.id, { 'applicant-name': 'Giàng Thị Mỷ' }),
        assisted: {
          channel: 'helper',
          helperId: helper,
          helperName: 'Lò Văn Hùng',
          place: { kind: 'village-hall', name: 'Nà Lũng' },
          consentReadIn: 'hmn',
        },
      },
      () => randomCode(),
      session,
    );
    expect(submission).toMatchObject({
      channel: 'helper',
      helperId: helper,
      helperName: 'Lò Văn Hùng',
      consentReadIn: 'hmn',
    });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, helper), eq(auditEvents.submissionId, submission.id)));
    expect(audit.map((a) => a.action)).toEqual(['application-filed']);
    // The relay hands the province the same facts.
    const [dossier] = await db
      .select()
      .from(dossiers)
      .where(eq(dossiers.submissionId, submission.id))
      .limit(1);
    expect((await dossierForDelivery(db, dossier!.id)).assisted).toEqual({
      channel: 'helper',
      helperName: 'Lò Văn Hùng',
      place: { kind: 'village-hall', name: 'Nà Lũng' },
    });
    // The afternoon's list: this helper's filing, and nobody else's.
    const today = await filingsSince(db, helper, new Date(Date.now() - 3600_000));
    expect(today.map((f) => f.submission.id)).toEqual([submission.id]);
    expect(today[0]!.statuses).toHaveLength(3);
    expect(await filingsSince(db, helperId(), new Date(0))).toEqual([]);
  });

  it('keeps a citizen’s own submission as self, with nobody named', async () => {
    const session = hashToken(randomCode());
    const draft = await draftFor(session);
    const { submission } = await submitDraft(
      db,
      birthBundleSubmission(draft.id),
      () => randomCode(),
      session,
    );
    expect(submission).toMatchObject({ channel: 'self', helperId: null, helperName: null });
    const [dossier] = await db
      .select()
      .from(dossiers)
      .where(eq(dossiers.submissionId, submission.id))
      .limit(1);
    expect((await dossierForDelivery(db, dossier!.id)).assisted).toBeUndefined();
  });

  it('refuses, in the database itself, a helper channel that names no helper', async () => {
    const session = hashToken(randomCode());
    const draft = await draftFor(session);
    await expect(
      db.insert(submissions).values({
        ...birthBundleSubmission(draft.id),
        reference: randomCode(),
        channel: 'helper',
      }),
    ).rejects.toThrow();
  });

  it('clears the device: this helper’s unsubmitted drafts of this session, with their files, and nothing else', async () => {
    const helper = helperId();
    const session = hashToken(randomCode());
    const other = hashToken(randomCode());
    const open = await draftFor(session, helper);
    await storeFile(db, {
      draftId: open.id,
      questionId: 'applicant-cid-photo',
      fileName: 'cccd.png',
      mimeType: 'image/png',
      size: 1,
      sha256: 'x',
      content: new Uint8Array([1]),
      sensitive: true,
    });
    const sent = await draftFor(hashToken(randomCode()), helper);
    const sentSession = sent.sessionHash;
    await submitDraft(
      db,
      {
        ...birthBundleSubmission(sent.id),
        assisted: {
          channel: 'helper',
          helperId: helper,
          helperName: 'H',
          place: { kind: 'commune-office', name: '' },
          consentReadIn: 'vi',
        },
      },
      () => randomCode(),
      sentSession,
    );
    const someoneElses = await draftFor(other, helperId());
    const citizens = await draftFor(session);

    expect(await deleteAssistedDrafts(db, session, helper)).toBe(1);
    expect(await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, open.id))).toEqual([]);
    expect(await deleteAssistedDrafts(db, sentSession, helper)).toBe(0);
    expect(await findDraft(db, sentSession, 'birth-bundle')).toBeDefined();
    expect(await findDraft(db, other, 'birth-bundle')).toMatchObject({ id: someoneElses.id });
    expect(await findDraft(db, session, 'birth-bundle')).toMatchObject({ id: citizens.id });
  });
});
