import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_CODE } from '@/adapters/province/mapping';
import { connect } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { submitDraft } from '@/db/queries/submissions';
import { dossiers, outboxMessages } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { startSimulator } from '@/simulator/server';
import { birthBundleSubmission, isolatedTargets } from '../support/db';

// The claim: kill the worker process (SIGKILL) mid-delivery, start another, and every dossier still
// reaches the back end exactly once. The worker is the real one (`npm run worker`) in a process of its
// own; the killed worker's claimed rows come back after the lease (OUTBOX_LEASE_SECONDS), and the
// idempotency keys make the second worker's retries find what the first had already created.
const postgres = isolatedTargets('crash').find((target) => target.name === 'PostgreSQL');
const root = path.resolve(import.meta.dirname, '../..');
const SUBMISSIONS = 5;

describe.skipIf(!postgres)('worker process killed mid-delivery (PostgreSQL)', () => {
  const databaseUrl = postgres?.options.databaseUrl ?? '';
  let conn: ReturnType<typeof connect>;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await postgres!.create();
    conn = connect({ databaseUrl });
    await conn.migrate();
    await seed(conn.db);
    sim = await startSimulator();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker, 'SIGKILL')));
    await sim?.close();
    await conn?.close();
    await postgres?.drop();
  });

  /**
   * `npm run worker` as deployed: npx, tsx and the worker's own node process. Detached, so they form a
   * process group and a kill reaches the worker itself rather than only npx.
   */
  async function startWorker() {
    const child = spawn('npx', ['tsx', 'worker/main.ts'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PROVINCE_BASE_URL: sim.url,
        OUTBOX_LEASE_SECONDS: '2',
        STATUS_POLL_SECONDS: '3600',
      },
    });
    workers.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The worker did not start:\n${output}`)), 30_000);
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Outbox relay running.')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The worker exited (${code ?? signal}) before it started:\n${output}`));
      });
    });
    return child;
  }

  function stopWorker(child: ChildProcess, signal: NodeJS.Signals) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, signal);
    } catch {
      return Promise.resolve(); // the whole group is gone already
    }
    return child.exitCode === null && child.signalCode === null ? exited : Promise.resolve();
  }

  async function until(what: string, timeoutMs: number, done: () => Promise<boolean> | boolean) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function pendingCount() {
    const [row] = await conn.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.status, 'pending'));
    return row?.n ?? 0;
  }

  it('delivers every dossier exactly once when the worker is SIGKILLed mid-delivery and another takes over', async () => {
    for (let i = 0; i < SUBMISSIONS; i += 1) {
      const draft = await createDraft(conn.db, {
        sessionHash: 's'.repeat(64),
        journeyId: 'birth-bundle',
        journeyVersion: 1,
        resumeCode: randomCode(),
        lifetimeDays: 30,
      });
      await submitDraft(
        conn.db,
        birthBundleSubmission(draft.id, { 'applicant-name': 'Lò Văn Páo' }),
        randomCode,
      );
    }
    const expected = SUBMISSIONS * 3;
    // Slow answers keep requests in flight when the kill comes; two creations lose their answer.
    sim.setFaults({ latencyMs: 150, dropAfterCreateNext: 2 });

    const first = await startWorker();
    await until('the first worker has delivered some dossiers', 30_000, () => sim.stats().dossiers >= 4);
    await stopWorker(first, 'SIGKILL');
    expect(first.signalCode).toBe('SIGKILL');
    // Killed mid-run: rows remain, some of them claimed by the dead worker (leased, attempted), and some
    // already created at the back end although their row is still pending: the ones a retry without
    // idempotency keys would send twice.
    const atKill = { sim: sim.stats(), rows: await conn.db.select().from(outboxMessages) };
    const pending = atKill.rows.filter((m) => m.status === 'pending');
    expect(atKill.sim.dossiers).toBeLessThan(expected);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.some((m) => m.attempts > 0)).toBe(true);
    expect(pending.some((m) => m.idempotencyKey in atKill.sim.byKey)).toBe(true);

    const second = await startWorker();
    await until('the outbox has drained', 45_000, async () => (await pendingCount()) === 0);
    await stopWorker(second, 'SIGTERM');

    // Exactly once: as many dossiers at the back end as we have, each under its own key and code.
    const stats = sim.stats();
    expect(stats.dossiers).toBe(expected);
    const rows = await conn.db
      .select({
        key: outboxMessages.idempotencyKey,
        status: outboxMessages.status,
        code: dossiers.provinceCode,
      })
      .from(outboxMessages)
      .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId));
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    expect(rows.every((r) => r.code && DOSSIER_CODE.test(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(expected);
    expect(stats.byKey).toEqual(Object.fromEntries(rows.map((r) => [r.key, r.code])));
  }, 120_000);
});
