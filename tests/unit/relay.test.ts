import { createHash } from 'node:crypto';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvinceClient, DOSSIER_CODE } from '@/adapters/province';
import { connect } from '@/db/client';
import { storeFile } from '@/db/queries/files';
import { outboxHealth, retryDeadLetter } from '@/db/queries/outbox';
import { progressOf } from '@/db/queries/tracking';
import { dossiers, outboxMessages, submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { startSimulator } from '@/simulator/server';
import { backoffMs, deliverDue, sweepSensitiveFiles } from '@/worker/relay';
import { isolatedTargets, submitBundles } from '../support/db';
import { until } from '../support/workerProcess';

// The reliability claims, proven against the simulator over loopback HTTP: with the back end failing in
// each injected way, every dossier ends up in the simulator exactly once, none lost, none duplicated.
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

describe('backoff', () => {
  it('grows exponentially with full jitter, capped at an hour', () => {
    expect(backoffMs(0, { random: () => 0.999 })).toBeLessThan(5_000);
    expect(backoffMs(3, { random: () => 0.999 })).toBeGreaterThan(39_000);
    expect(backoffMs(40, { random: () => 0.999 })).toBeLessThanOrEqual(3_600_000);
    expect(backoffMs(5, { random: () => 0 })).toBe(0);
  });
});

describe.each(isolatedTargets('relay'))('outbox relay on $name', ({ options, create, drop }) => {
  const conn = connect(options);
  const db = conn.db;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let client: ReturnType<typeof createProvinceClient>;

  beforeAll(async () => {
    await create();
    await conn.migrate();
    await seed(db);
    sim = await startSimulator();
    client = createProvinceClient({
      baseUrl: sim.url,
      clientId: 'motcua',
      clientSecret: 'dev-client-secret',
      signingSecret: 'dev-signing-secret',
      timeoutMs: 500,
    });
  });
  afterAll(async () => {
    await sim.close();
    await conn.close();
    await drop();
  });

  const submitMany = (n: number) =>
    submitBundles(db, n, {
      'applicant-name': 'Giàng Thị Mỷ',
      'applicant-cid': '002195012345',
      'applicant-phone': '0912345678',
    });

  async function drain(maxRounds = 300) {
    for (let round = 0; round < maxRounds; round += 1) {
      const [row] = await db
        .select({ pending: count() })
        .from(outboxMessages)
        .where(eq(outboxMessages.status, 'pending'));
      const pending = row?.pending ?? 0;
      if (pending === 0) return round;
      await deliverDue(db, client, 20, fast);
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('outbox did not drain');
  }

  async function expectExactlyOnce(before: number, expected: number) {
    expect(sim.stats().dossiers).toBe(before + expected);
    const rows = await db.select().from(dossiers);
    const codes = rows.map((d) => d.provinceCode);
    expect(codes.every((c) => c && DOSSIER_CODE.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const dead = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'dead'));
    expect(dead).toHaveLength(0);
  }

  it('delivers every dossier exactly once through 503s, 429s, resets and lost responses', async () => {
    const before = sim.stats().dossiers;
    await submitMany(8);
    sim.setFaults({ failNext: 6, failStatus: 503, retryAfterSeconds: 0 });
    await deliverDue(db, client, 20, fast);
    sim.setFaults({ failNext: 4, failStatus: 429, resetNext: 3, dropAfterCreateNext: 5 });
    await drain();
    await expectExactlyOnce(before, 24);
  });

  it('keeps everything through a down period and drains once the back end returns', async () => {
    const before = sim.stats().dossiers;
    sim.setFaults({ reset: true });
    sim.setFaults({ down: true, retryAfterSeconds: 0 });
    await submitMany(4);
    for (let i = 0; i < 5; i += 1) await deliverDue(db, client, 20, fast);
    expect(sim.stats().dossiers).toBe(before);
    const pending = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
    expect(pending.length).toBe(12);
    expect(pending.every((m) => m.attempts > 0 && m.lastError)).toBe(true);
    sim.setFaults({ down: false });
    await drain();
    await expectExactlyOnce(before, 12);
  });

  it('once the back end answers again, rows waiting out a long backoff are brought forward', async () => {
    sim.setFaults({ reset: true });
    await submitMany(3);
    // As after an hour-long outage: every row failed many times and waits up to an hour.
    await db
      .update(outboxMessages)
      .set({ attempts: 10, lastError: 'down', nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .where(eq(outboxMessages.status, 'pending'));
    const [first] = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.status, 'pending'))
      .limit(1);
    await db
      .update(outboxMessages)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(outboxMessages.id, first!.id));
    const round = await deliverDue(db, client, 1, fast);
    expect(round.delivered).toBe(1);
    const waiting = await db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.status, 'pending'),
          gt(outboxMessages.nextAttemptAt, new Date(Date.now() + 60_000)),
        ),
      );
    expect(waiting).toHaveLength(0);
    await drain();
  });

  it('uploads the files with each dossier and deletes sensitive ID photos once all are delivered', async () => {
    sim.setFaults({ reset: true });
    const [submissionId] = await submitMany(1);
    const [sub] = await db.select().from(submissions).where(eq(submissions.id, submissionId!));
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const photo = await storeFile(db, {
      draftId: sub!.draftId,
      questionId: 'id-card-photo',
      fileName: 'cccd.png',
      mimeType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      content: png,
      sensitive: true,
    });
    await db
      .update(submissions)
      .set({
        answers: {
          ...(sub!.answers as object),
          'id-card-photo': { fileId: photo, name: 'cccd.png', size: png.length },
        },
      })
      .where(eq(submissions.id, submissionId!));
    const filesBefore = (await (await fetch(`${sim.url}/admin/stats`)).json()).files as number;
    await drain();
    expect((await (await fetch(`${sim.url}/admin/stats`)).json()).files).toBe(filesBefore + 3);
    expect(await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, photo))).toHaveLength(0);
  });

  it('the sweep deletes sensitive files left behind by a failed deletion, once everything is delivered', async () => {
    sim.setFaults({ reset: true });
    const [submissionId] = await submitMany(1);
    const [sub] = await db.select().from(submissions).where(eq(submissions.id, submissionId!));
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const file = {
      draftId: sub!.draftId,
      questionId: 'id-card-photo',
      fileName: 'cccd.png',
      mimeType: 'image/png' as const,
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      content: png,
    };
    const sensitive = await storeFile(db, { ...file, sensitive: true });
    const ordinary = await storeFile(db, { ...file, sensitive: false });
    await sweepSensitiveFiles(db);
    expect(await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, sensitive))).toHaveLength(1);
    await drain();
    // As if the deletion after delivery had failed: put the photo back, then sweep.
    await storeFile(db, { ...file, sensitive: true });
    await sweepSensitiveFiles(db);
    const left = await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, sub!.draftId));
    expect(left.map((f) => f.id)).toEqual([ordinary]);
  });

  it('lets two workers race without sending anything twice', async () => {
    const before = sim.stats().dossiers;
    sim.setFaults({ reset: true });
    sim.setFaults({ latencyMs: 5, dropAfterCreateNext: 2 });
    await submitMany(6);
    const other = options.databaseUrl ? connect(options) : null;
    const second = other?.db ?? db;
    for (let round = 0; round < 100; round += 1) {
      await Promise.all([deliverDue(db, client, 5, fast), deliverDue(second, client, 5, fast)]);
      const left = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
      if (left.length === 0) break;
    }
    await other?.close();
    await expectExactlyOnce(before, 18);
  });
  /** Each outbox row's key was asked for (code and dossier) exactly once at the back end. */
  async function expectEachRequestedOnce(submissionIds: readonly string[]) {
    const { requests } = sim.stats();
    const rows = await db
      .select({ key: outboxMessages.idempotencyKey })
      .from(outboxMessages)
      .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId))
      .where(inArray(dossiers.submissionId, [...submissionIds]));
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(requests.codes[`${key}-code`], `${key}: dossier code requests`).toBe(1);
      expect(requests.dossiers[key], `${key}: dossier creations`).toBe(1);
    }
  }

  it('two workers racing ask the back end for each dossier once (counted at the back end, not deduplicated)', async () => {
    sim.setFaults({ reset: true });
    sim.setFaults({ latencyMs: 10 });
    const ids = await submitMany(6);
    const other = options.databaseUrl ? connect(options) : null;
    const second = other?.db ?? db;
    try {
      for (let round = 0; round < 100; round += 1) {
        await Promise.all([deliverDue(db, client, 4, fast), deliverDue(second, client, 4, fast)]);
        const left = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
        if (left.length === 0) break;
      }
    } finally {
      await other?.close();
    }
    sim.setFaults({ reset: true });
    await expectEachRequestedOnce(ids);
  });

  it('delivers every dossier once, none dead, when the back end restarts (forgets its tokens) mid-run', async () => {
    sim.setFaults({ reset: true });
    const before = sim.stats().dossiers;
    const ids = await submitMany(6);
    sim.setFaults({ latencyMs: 5 });
    let atRestart = 0;
    await Promise.all([
      drain(),
      until('the back end has some of the dossiers', 10_000, () => sim.stats().dossiers >= before + 4).then(
        () => {
          sim.restart();
          atRestart = sim.stats().dossiers - before;
        },
      ),
    ]);
    sim.setFaults({ reset: true });
    expect(atRestart).toBeLessThan(18); // the restart did come mid-run
    await expectExactlyOnce(before, 18);
    await expectEachRequestedOnce(ids);
  });

  it('a refusal (4xx) is a dead letter at once and is not tried again until a person retries it', async () => {
    sim.setFaults({ reset: true });
    const [id] = await submitMany(1);
    sim.setFaults({ failNext: 1, failStatus: 422 });
    expect(await deliverDue(db, client, 1, fast)).toEqual({ delivered: 0, retrying: 0, dead: 1 });
    await drain();
    const [dead] = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'dead'));
    expect(dead).toMatchObject({ attempts: 1 });
    expect((await progressOf(db, id!)).map((p) => p.delivery).sort()).toEqual([
      'dead',
      'delivered',
      'delivered',
    ]);
    expect(await retryDeadLetter(db, dead!.id)).toEqual({ dossierId: dead!.dossierId });
    await drain();
    expect((await outboxHealth(db)).dead).toBe(0);
  });

  it('the retry window ends: after 14 days of failures a row is a dead letter; within them it waits', async () => {
    sim.setFaults({ reset: true });
    await submitMany(2);
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
    const day = 24 * 3_600_000;
    const [old, recent] = [rows.slice(0, 3), rows.slice(3)];
    for (const [group, age] of [
      [old, 15 * day],
      [recent, 13 * day],
    ] as const) {
      await db
        .update(outboxMessages)
        .set({ retryWindowFrom: new Date(Date.now() - age) })
        .where(
          inArray(
            outboxMessages.id,
            group.map((r) => r.id),
          ),
        );
    }
    sim.setFaults({ down: true, retryAfterSeconds: 0 });
    expect(await deliverDue(db, client, 20, fast)).toEqual({ delivered: 0, retrying: 3, dead: 3 });
    const after = await db
      .select()
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.id,
          rows.map((r) => r.id),
        ),
      );
    const statusOf = (id: string) => after.find((r) => r.id === id)!.status;
    expect(old.map((r) => statusOf(r.id))).toEqual(['dead', 'dead', 'dead']);
    expect(recent.map((r) => statusOf(r.id))).toEqual(['pending', 'pending', 'pending']);
    sim.setFaults({ reset: true });
    for (const r of old) await retryDeadLetter(db, r.id);
    await drain();
  });

  it('backs off longer the more often a row has failed', async () => {
    sim.setFaults({ reset: true });
    await submitMany(2);
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'));
    // Three rows as if they had failed 8 times already, three fresh.
    await db
      .update(outboxMessages)
      .set({ attempts: 8 })
      .where(
        inArray(
          outboxMessages.id,
          rows.slice(0, 3).map((r) => r.id),
        ),
      );
    sim.setFaults({ down: true, retryAfterSeconds: 0 });
    const slow = { baseDelayMs: 1_000, maxDelayMs: 3_600_000, random: () => 0.999 };
    const t0 = Date.now();
    await deliverDue(db, client, 20, slow);
    const after = await db
      .select()
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.id,
          rows.map((r) => r.id),
        ),
      );
    const waitOf = (id: string) => after.find((r) => r.id === id)!.nextAttemptAt.getTime() - t0;
    // 9th attempt: up to 1 s × 2⁹ = 512 s; 1st attempt: up to 2 s.
    for (const r of rows.slice(0, 3)) expect(waitOf(r.id)).toBeGreaterThan(400_000);
    for (const r of rows.slice(3)) expect(waitOf(r.id)).toBeLessThan(5_000);
    sim.setFaults({ reset: true });
    await db
      .update(outboxMessages)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(outboxMessages.status, 'pending'));
    await drain();
  });
});
