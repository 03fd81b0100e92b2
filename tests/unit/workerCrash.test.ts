import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { outboxMessages } from '@/db/schema';
import { seed } from '@/db/seed';
import { startSimulator } from '@/simulator/server';
import { isolatedTargets, submitBundles } from '../support/db';
import { expectExactlyOnce, pendingCount, startWorker, stopWorker, until } from '../support/workerProcess';

// The claim: kill the worker process (SIGKILL) mid-delivery, start another, and every dossier still
// reaches the back end exactly once. The worker is the real one (`npm run worker`) in a process of its
// own; the killed worker's claimed rows come back after the lease (OUTBOX_LEASE_SECONDS), and the
// idempotency keys make the second worker's retries find what the first had already created.
const postgres = isolatedTargets('crash').find((target) => target.name === 'PostgreSQL');
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

  it('delivers every dossier exactly once when the worker is SIGKILLed mid-delivery and another takes over', async () => {
    await submitBundles(conn.db, SUBMISSIONS);
    const expected = SUBMISSIONS * 3;
    // Slow answers keep requests in flight when the kill comes; two creations lose their answer.
    sim.setFaults({ latencyMs: 150, dropAfterCreateNext: 2 });

    const first = await startWorker(databaseUrl, sim.url);
    workers.push(first);
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

    const second = await startWorker(databaseUrl, sim.url);
    workers.push(second);
    await until('the outbox has drained', 45_000, async () => (await pendingCount(conn.db)) === 0);
    await stopWorker(second, 'SIGTERM');

    await expectExactlyOnce(conn.db, sim, expected);
  }, 120_000);
});
