import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvinceClient } from '@/adapters/province';
import { connect } from '@/db/client';
import { progressOf, recordProvinceStatus } from '@/db/queries/tracking';
import { dossiersOf } from '@/db/queries/submissions';
import { dossiers, dossierStatusEvents, submissions } from '@/db/schema';
import { inJourneyOrder } from '@/lib/dossierOrder';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { hit } from '@/lib/rateLimit';
import { keyOpens, lookUpAllowed, PER_REFERENCE, secondFactorMatches } from '@/lib/tracking';
import { startSimulator } from '@/simulator/server';
import { deliverDue } from '@/worker/relay';
import { syncStatuses } from '@/worker/statusSync';
import { isolatedTargets, submitBundles } from '../support/db';

describe('second factor and tracking key', () => {
  const submission = {
    phoneLast4: '5678',
    cidLast4: '2345',
    trackingKey: 'ABCDEFGHJKMNPQRSTWXY',
  } as Parameters<typeof secondFactorMatches>[0];
  it('accepts the last 4 digits of the phone or the ID number, nothing else', () => {
    expect(secondFactorMatches(submission, '5678')).toBe(true);
    expect(secondFactorMatches(submission, '2345')).toBe(true);
    for (const wrong of ['5679', '567', '56789', '', 'abcd', '5678 ', '０１２３']) {
      expect(secondFactorMatches(submission, wrong), wrong).toBe(false);
    }
    expect(secondFactorMatches({ ...submission, phoneLast4: null, cidLast4: null }, '5678')).toBe(false);
  });
  it('opens only with the exact key', () => {
    expect(keyOpens(submission, 'ABCDEFGHJKMNPQRSTWXY')).toBe(true);
    expect(keyOpens(submission, 'ABCDEFGHJKMNPQRSTWXZ')).toBe(false);
    expect(keyOpens(submission, ['ABCDEFGHJKMNPQRSTWXY'])).toBe(false);
    expect(keyOpens({ ...submission, trackingKey: null }, '')).toBe(false);
  });
});

describe.each(isolatedTargets('tracking'))('tracking on $name', ({ options, create, drop }) => {
  const conn = connect(options);
  const db = conn.db;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let client: ReturnType<typeof createProvinceClient>;

  beforeAll(async () => {
    await create();
    await conn.migrate();
    await seed(db);
    sim = await startSimulator({ statusStepMs: 200 });
    client = createProvinceClient({
      baseUrl: sim.url,
      clientId: 'motcua',
      clientSecret: 'dev-client-secret',
      signingSecret: 'dev-signing-secret',
      timeoutMs: 2_000,
    });
  });
  afterAll(async () => {
    await sim.close();
    await conn.close();
    await drop();
  });

  it('rate limit: the sixth try in the window is refused, a new window starts afresh', async () => {
    const limit = { max: 5, windowSeconds: 1 };
    const key = `test:${randomCode()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => hit(db, key, limit)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect((await hit(db, key, limit)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await hit(db, key, limit)).allowed).toBe(true);
  });

  it("a bundle's tracking view lists its procedures in the receipt's order, the journey's", async () => {
    const [submissionId] = await submitBundles(db, 1);
    const progress = await progressOf(db, submissionId!);
    expect(progress.map((p) => p.dossier.procedureId)).toEqual([
      'register-birth',
      'register-permanent-residence',
      'issue-child-health-insurance-card',
    ]);
    const [submission] = await db.select().from(submissions).where(eq(submissions.id, submissionId!));
    const receipt = inJourneyOrder(submission!.journeyId, await dossiersOf(db, submissionId!));
    expect(receipt.map((d) => d.procedureId)).toEqual(progress.map((p) => p.dossier.procedureId));
  });

  it('polling stores each province status once, with its time, until the status is final', async () => {
    const [submissionId] = await submitBundles(db, 1);
    while ((await deliverDue(db, client, 50)).delivered > 0);
    let progress = await progressOf(db, submissionId!);
    expect(progress.map((p) => p.delivery)).toEqual(['delivered', 'delivered', 'delivered']);
    for (const p of progress) expect(p.dossier.sentAt).toBeInstanceOf(Date);

    // The simulator advances 1 → 2 → 4 → 9 → 10 (sometimes via 5) every 200 ms; poll every 50 ms.
    for (let round = 0; round < 100; round += 1) {
      await syncStatuses(db, client, 50, 50);
      progress = await progressOf(db, submissionId!);
      if (progress.every((p) => p.dossier.provinceStatus === 'result-returned')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const p of progress) {
      expect(p.dossier.provinceStatus).toBe('result-returned');
      expect(p.dossier.nextPollAt).toBeNull();
      const statuses = p.events.map((e) => e.status);
      expect(statuses[0]).toBe('registered');
      expect(statuses.at(-1)).toBe('result-returned');
      expect(new Set(statuses.map((s, i) => `${s}@${p.events[i]!.occurredAt.toISOString()}`)).size).toBe(
        statuses.length,
      );
      for (let i = 1; i < p.events.length; i += 1) {
        expect(p.events[i]!.occurredAt.getTime()).toBeGreaterThanOrEqual(
          p.events[i - 1]!.occurredAt.getTime(),
        );
      }
    }
    // Final: nothing is due any more, so further rounds poll none of these.
    const again = await syncStatuses(db, client, 50, 50);
    expect(again.polled).toBe(0);
  });

  it('a repeated or out-of-date report changes nothing', async () => {
    const [submissionId] = await submitBundles(db, 1);
    while ((await deliverDue(db, client, 50)).delivered > 0);
    const [dossier] = await progressOf(db, submissionId!);
    const code = dossier!.dossier.provinceCode!;
    const t0 = new Date('2026-11-20T01:00:00Z');
    const t1 = new Date('2026-11-21T01:00:00Z');
    const newer = {
      provinceCode: code,
      status: 'processing' as const,
      history: [
        { status: 'registered' as const, at: t0 },
        { status: 'processing' as const, at: t1 },
      ],
    };
    expect(await recordProvinceStatus(db, newer, 'webhook')).toEqual({ found: true, added: 2 });
    expect(await recordProvinceStatus(db, newer, 'poll')).toEqual({ found: true, added: 0 });
    await recordProvinceStatus(
      db,
      { provinceCode: code, status: 'registered', history: [{ status: 'registered', at: t0 }] },
      'webhook',
    );
    const [row] = await db.select().from(dossiers).where(eq(dossiers.provinceCode, code));
    expect(row!.provinceStatus).toBe('processing');
    const events = await db
      .select()
      .from(dossierStatusEvents)
      .where(eq(dossierStatusEvents.dossierId, row!.id));
    expect(events).toHaveLength(2);
    expect(await recordProvinceStatus(db, { ...newer, provinceCode: 'nope' }, 'webhook')).toEqual({
      found: false,
      added: 0,
    });
  });

  it("a stranger's wrong tries use up their own address's allowance, not the owner's", async () => {
    const reference = randomCode();
    const stranger = '203.0.113.66';
    for (let i = 0; i < 5; i += 1) expect((await lookUpAllowed(db, reference, stranger)).allowed).toBe(true);
    expect(await lookUpAllowed(db, reference, stranger)).toMatchObject({
      allowed: false,
      overReceiptLimit: true,
    });
    // The owner, from their own phone, is not locked out by it.
    expect((await lookUpAllowed(db, reference, '198.51.100.7')).allowed).toBe(true);
    // Another reference from the stranger's address is still open (only the per-address total is shared).
    expect((await lookUpAllowed(db, randomCode(), stranger)).allowed).toBe(true);
  });

  it('a guesser spread over many addresses meets the per-reference ceiling', async () => {
    const reference = randomCode();
    let allowed = 0;
    for (let i = 0; i < PER_REFERENCE.max + 10; i += 1) {
      if ((await lookUpAllowed(db, reference, `192.0.2.${i}`)).allowed) allowed += 1;
    }
    expect(allowed).toBe(PER_REFERENCE.max);
  });
});
