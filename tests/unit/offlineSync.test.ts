import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { connect } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { revokeDevice } from '@/db/queries/devices';
import { deviceDossierStatuses, REFERENCE_BLOCK, reserveReferences } from '@/db/queries/offline';
import { submitDraft } from '@/db/queries/submissions';
import { auditEvents, dossiers, outboxMessages, receiptReferences, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { contentHash, syncDossier, syncPayload, type SyncPayload } from '@/lib/offlineSync';
import { birthBundleSubmission, databaseTargets } from '../support/db';
import { birthAnswers as storedBirthAnswers, enrolledDevice, enrolledHelper } from '../support/offline';

// The helper app's sync (docs/adr/0029) against the real database, on both drivers: reference blocks
// that never collide, one submission per client UUID however often it is sent, 409 for other content
// under a used UUID, the online form's rules and messages, a revoked device refused.

const birthAnswers = storedBirthAnswers();

describe.each(databaseTargets)('offline sync on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const suffix = `${process.pid}${Date.now().toString(36)}`.slice(-10);
  let helper: string;
  let device: { deviceId: string; secret: string };
  let otherDevice: { deviceId: string; secret: string };
  let references: string[];

  const enrol = (userId: string) => enrolledDevice(db, userId);

  const payload = (over: Partial<SyncPayload> = {}): SyncPayload => ({
    clientId: randomUUID(),
    reference: references.pop()!,
    journeyId: 'register-birth',
    journeyVersion: 1,
    answers: birthAnswers,
    place: { kind: 'village-hall', name: 'Nhà văn hoá bản Khun' },
    consentReadIn: 'hmn',
    capturedAt: new Date().toISOString(),
    ...over,
  });
  const send = (body: unknown, cookie: typeof device | null = device, locale = 'vi') =>
    syncDossier(db, { cookie, text: JSON.stringify(body), locale });

  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
    ({ userId: helper, device } = await enrolledHelper(db, `sync.${suffix}`));
    otherDevice = await enrol(helper);
    references = await reserveReferences(db, device.deviceId, () => randomCode(), 40);
  });
  afterAll(() => conn.close());

  it('tops a device’s block up, and never gives a reference twice, to devices or online receipts', async () => {
    const first = await reserveReferences(db, otherDevice.deviceId, () => randomCode(), undefined, helper);
    expect(first).toHaveLength(REFERENCE_BLOCK);
    // A top-up is audited: whose device got how many numbers; one that adds nothing is not.
    const reserved = () =>
      db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'references-reserved'), eq(auditEvents.deviceId, otherDevice.deviceId)),
        );
    expect((await reserved()).map((e) => [e.actorId, e.detail])).toEqual([
      [helper, { count: REFERENCE_BLOCK }],
    ]);
    expect(new Set(first).size).toBe(REFERENCE_BLOCK);
    expect(await reserveReferences(db, otherDevice.deviceId, () => randomCode())).toEqual(first);
    expect(await reserved()).toHaveLength(1);
    expect(first.filter((r) => references.includes(r))).toEqual([]);
    // A generator that keeps offering a reference already reserved still yields a full block of new ones.
    let calls = 0;
    const stubborn = () => (calls++ % 2 === 0 ? first[0]! : randomCode());
    const third = await enrol(helper);
    const block = await reserveReferences(db, third.deviceId, stubborn);
    expect(block).toHaveLength(REFERENCE_BLOCK);
    expect(block).not.toContain(first[0]);
    // An online submission whose first reference is a device's takes another one.
    const draft = await createDraft(db, {
      sessionHash: `s-${randomUUID()}`,
      journeyId: 'birth-bundle',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
    });
    const offered = [first[1]!, randomCode()];
    const { submission } = await submitDraft(
      db,
      birthBundleSubmission(draft.id),
      () => offered.shift()!,
      draft.sessionHash,
    );
    expect(submission.reference).not.toBe(first[1]);
    const [taken] = await db
      .select()
      .from(receiptReferences)
      .where(eq(receiptReferences.reference, submission.reference));
    expect(taken).toMatchObject({ deviceId: null });
    expect(taken!.usedAt).not.toBeNull();
  });

  it('commits a dossier once, however often it is sent, with the reference the device printed', async () => {
    const body = payload();
    const first = await send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ reference: body.reference, duplicate: false });
    for (let i = 0; i < 100; i += 1) {
      const again = await send(body);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ reference: body.reference, duplicate: true });
    }
    // Keys in another order are the same content.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await send(reordered)).status).toBe(200);
    const rows = await db.select().from(submissions).where(eq(submissions.draftId, body.clientId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reference: body.reference,
      channel: 'helper',
      helperId: helper,
      helperName: 'Lò Văn Pao',
      offlineDeviceId: device.deviceId,
      consentReadIn: 'hmn',
      assistPlace: { kind: 'village-hall', name: 'Nhà văn hoá bản Khun' },
      phoneLast4: '5678',
    });
    const made = await db.select().from(dossiers).where(eq(dossiers.submissionId, rows[0]!.id));
    expect(made).toHaveLength(1);
    expect(
      await db.select().from(outboxMessages).where(eq(outboxMessages.dossierId, made[0]!.id)),
    ).toHaveLength(1);
    const [filed] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'application-filed'), eq(auditEvents.submissionId, rows[0]!.id)));
    expect(filed).toMatchObject({ actorId: helper, deviceId: device.deviceId });
  });

  it('commits one submission when copies of a request race each other', async () => {
    const body = payload();
    const answers = await Promise.all(Array.from({ length: 12 }, () => send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(11).fill(200), 201]);
    expect(await db.select().from(submissions).where(eq(submissions.draftId, body.clientId))).toHaveLength(1);
  });

  it('refuses other content under a used UUID with 409, changing nothing', async () => {
    const body = payload();
    expect((await send(body)).status).toBe(201);
    const changed = { ...body, answers: { ...body.answers, 'child-name': 'Vàng Thị Hoa' } };
    const refused = await send(changed);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'conflict' });
    // From another device too, even with the very same body.
    expect((await send(body, otherDevice)).status).toBe(409);
    const theirs = await reserveReferences(db, otherDevice.deviceId, () => randomCode());
    expect((await send({ ...body, reference: theirs[0] }, otherDevice)).status).toBe(409);
    const [row] = await db.select().from(submissions).where(eq(submissions.draftId, body.clientId));
    expect((row!.answers as Record<string, unknown>)['child-name']).toBe('Vàng Thị Mai');
  });

  it('accepts only a reference reserved for this device and not used yet', async () => {
    const theirs = await reserveReferences(db, otherDevice.deviceId, () => randomCode());
    const stolen = await send(payload({ reference: theirs[1]! }));
    expect(stolen.status).toBe(422);
    expect(stolen.body).toMatchObject({ error: 'reference' });
    const used = payload();
    expect((await send(used)).status).toBe(201);
    const reuse = await send(payload({ reference: used.reference }));
    expect(reuse.body).toMatchObject({ error: 'reference' });
    expect((await send(payload({ reference: 'ZZZZ-ZZZZ' }))).body).toMatchObject({ error: 'reference' });
  });

  it('says what to ask again in the online form’s words, and flags a form changed while offline', async () => {
    const bad = payload({ answers: { ...birthAnswers, 'child-name': 'Mai 2', 'applicant-phone': '12' } });
    const refused = await send(bad);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'invalid', catalogueChanged: false });
    const problems = (refused.body as { problems: { questionId: string; message: string }[] }).problems;
    expect(problems.map((p) => p.questionId).sort()).toEqual(['applicant-phone', 'child-name']);
    expect(problems.every((p) => p.message.length > 10 && !p.message.includes('{'))).toBe(true);
    const english = await send(payload({ ...bad, reference: references.pop()! }), device, 'en');
    const inEnglish = (english.body as { problems: { message: string }[] }).problems.map((p) => p.message);
    expect(inEnglish).not.toEqual(problems.map((p) => p.message));
    // Captured with another version of the form: the helper is told the form changed.
    const old = await send(
      payload({ journeyVersion: 99, answers: { ...birthAnswers, 'child-sex': 'unknown' } }),
    );
    expect(old.body).toMatchObject({ error: 'catalogue-changed', catalogueChanged: true });
    // A missing required answer is said too.
    const missing = Object.fromEntries(Object.entries(birthAnswers).filter(([id]) => id !== 'child-name'));
    const gap = await send(payload({ answers: missing }));
    expect((gap.body as { problems: { questionId: string }[] }).problems.map((p) => p.questionId)).toEqual([
      'child-name',
    ]);
    // Nothing was half-saved.
    expect(await db.select().from(submissions).where(eq(submissions.draftId, bad.clientId))).toEqual([]);
  });

  it('treats a photo answer as missing: this version does not sync photos', async () => {
    const atClinic = { ...birthAnswers, 'child-birthplace': 'health-facility', 'birth-notice': 'photo.jpg' };
    const refused = await send(payload({ answers: atClinic }));
    expect(refused.status).toBe(422);
    expect((refused.body as { problems: { questionId: string }[] }).problems[0]!.questionId).toBe(
      'birth-notice',
    );
  });

  it('refuses no consent, no place, another commune, malformed bodies and unknown devices', async () => {
    expect((await send(payload({ consentReadIn: '' }))).body).toMatchObject({ error: 'consent' });
    expect((await send(payload({ place: { kind: 'village-hall', name: ' ' } }))).body).toMatchObject({
      error: 'place',
    });
    const elsewhere = await send(payload({ answers: { ...birthAnswers, 'office-commune': 'nam-dan' } }));
    expect(elsewhere).toMatchObject({ status: 403, body: { error: 'commune' } });
    expect((await syncDossier(db, { cookie: device, text: '{', locale: 'vi' })).status).toBe(400);
    expect((await send({ ...payload(), extra: 1 })).status).toBe(400);
    expect((await syncDossier(db, { cookie: device, text: null, locale: 'vi' })).status).toBe(413);
    expect((await send(payload(), null)).status).toBe(401);
    expect((await send(payload(), { ...device, secret: 'C'.repeat(43) })).status).toBe(401);
  });

  it('refuses a revoked device, said so, and commits nothing', async () => {
    const revokedDevice = await enrol(helper);
    const block = await reserveReferences(db, revokedDevice.deviceId, () => randomCode(), 2);
    await revokeDevice(db, revokedDevice.deviceId, 'tan-quang', { id: helper });
    const body = payload({ reference: block[0]! });
    const refused = await send(body, revokedDevice);
    expect(refused).toMatchObject({ status: 403, body: { error: 'device-revoked' } });
    expect((refused.body as { message: string }).message).toContain('thu hồi');
    expect(await db.select().from(submissions).where(eq(submissions.draftId, body.clientId))).toEqual([]);
    const [reference] = await db
      .select()
      .from(receiptReferences)
      .where(inArray(receiptReferences.reference, [block[0]!]));
    expect(reference!.usedAt).toBeNull();
  });

  it('lets the laptop enrolled again after a revocation send what the revoked device captured', async () => {
    const old = await enrol(helper);
    const block = await reserveReferences(db, old.deviceId, () => randomCode(), 3);
    // Sent before the revocation, its answer lost on the way back.
    const answered = payload({ reference: block[0]! });
    expect((await send(answered, old)).status).toBe(201);
    await revokeDevice(db, old.deviceId, 'tan-quang', { id: helper });
    const again = await enrol(helper);
    expect(await send(answered, again)).toMatchObject({ status: 200, body: { reference: block[0] } });
    const waiting = payload({ reference: block[1]! });
    expect((await send(waiting, old)).status).toBe(403);
    expect((await send(waiting, again)).status).toBe(201);
    const [row] = await db.select().from(submissions).where(eq(submissions.draftId, waiting.clientId));
    expect(row!.offlineDeviceId).toBe(again.deviceId);
    // Never another helper's numbers, revoked or not.
    const other = await enrolledHelper(db, `sync2.${suffix}`, 'Sùng A Dình');
    const theirs = await reserveReferences(db, other.device.deviceId, () => randomCode(), 1);
    await revokeDevice(db, other.device.deviceId, 'tan-quang', { id: other.userId });
    expect((await send(payload({ reference: theirs[0]! }), again)).body).toMatchObject({
      error: 'reference',
    });
  });

  it('keeps the tracking key the device printed on the slip, and takes no other shape of key', async () => {
    const trackingKey = 'ABCDEFGHJKMNPQRSTWXY';
    const body = payload({ trackingKey });
    const sent = await send(body);
    expect(sent.status).toBe(201);
    expect((sent.body as { trackingUrl: string }).trackingUrl).toContain(`?k=${trackingKey}`);
    for (const bad of ['abcdefghjkmnpqrstwxy', 'ABCDEFGHJKMNPQRSTWX', 'ABCDEFGHJKMNPQRSTWX0']) {
      expect((await send(payload({ trackingKey: bad }))).status, bad).toBe(400);
    }
  });

  it('tells a device the province’s statuses of its own dossiers, and nothing of another device’s', async () => {
    const body = payload();
    expect((await send(body)).status).toBe(201);
    const [filed] = await db.select().from(submissions).where(eq(submissions.draftId, body.clientId));
    await db
      .update(dossiers)
      .set({ provinceStatus: 'more-documents-needed' })
      .where(eq(dossiers.submissionId, filed!.id));
    expect(await deviceDossierStatuses(db, device.deviceId, [body.reference, 'ZZZZZZZZ'])).toEqual({
      [body.reference]: ['more-documents-needed'],
    });
    expect(await deviceDossierStatuses(db, otherDevice.deviceId, [body.reference])).toEqual({});
    expect(await deviceDossierStatuses(db, device.deviceId, [])).toEqual({});
  });

  it('hashes content, not key order', () => {
    const body = syncPayload.parse(payload());
    // The schema puts its own fields in order; the answers keep the order they came in.
    const reordered = syncPayload.parse({
      ...body,
      answers: Object.fromEntries(Object.entries(body.answers).reverse()),
    });
    expect(Object.keys(reordered.answers)).not.toEqual(Object.keys(body.answers));
    expect(contentHash(reordered)).toBe(contentHash(body));
    expect(contentHash({ ...body, consentReadIn: 'tyz' })).not.toBe(contentHash(body));
  });
});
