import { createHash } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvinceClient } from '@/adapters/province/client';
import { DOSSIER_CODE } from '@/adapters/province/mapping';
import { connect } from '@/db/client';
import { storeFile } from '@/db/queries/files';
import { dossiers, outboxMessages, submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { startSimulator } from '@/simulator/server';
import { backoffMs, deliverDue, sweepSensitiveFiles } from '@/worker/relay';
import { isolatedTargets, submitBundles } from '../support/db';

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
});
