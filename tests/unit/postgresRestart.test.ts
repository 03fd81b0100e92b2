import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { seed } from '@/db/seed';
import { startSimulator } from '@/simulator/server';
import { submitBundles } from '../support/db';
import { pgClusterUnavailable, startPgCluster, type PgCluster } from '../support/pgCluster';
import { expectExactlyOnce, pendingCount, startWorker, stopWorker, until } from '../support/workerProcess';

// The claim: restart PostgreSQL while the worker is delivering, and nothing is lost or sent twice. The
// worker's queries fail while the server is away; its loop gives up the round, the rows stay pending,
// postgres.js reconnects on the next query, and the next round carries on. The server is a private one
// (tests/support/pgCluster.ts): restarting the shared one would break the other test files.
const BEFORE_RESTART = 5;
const AFTER_RESTART = 2;

describe.skipIf(pgClusterUnavailable)(
  `worker through a PostgreSQL restart${pgClusterUnavailable ? ` (skipped: ${pgClusterUnavailable})` : ''}`,
  () => {
    let cluster: PgCluster;
    let conn: ReturnType<typeof connect>;
    let sim: Awaited<ReturnType<typeof startSimulator>>;
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      cluster = await startPgCluster();
      conn = connect({ databaseUrl: cluster.url });
      await conn.migrate();
      await seed(conn.db);
      sim = await startSimulator();
    });
    afterAll(async () => {
      await Promise.all(workers.map((worker) => stopWorker(worker, 'SIGKILL')));
      await sim?.close();
      await conn?.close();
      await cluster?.stop();
    });

    /** `npm run worker` as deployed, in a process group so that a kill reaches the worker itself. */
    it('delivers every dossier exactly once when PostgreSQL restarts mid-delivery', async () => {
      await submitBundles(conn.db, BEFORE_RESTART);
      const expected = (BEFORE_RESTART + AFTER_RESTART) * 3;
      // Slow answers keep deliveries in flight when the restart comes.
      sim.setFaults({ latencyMs: 150 });

      const worker = await startWorker(cluster.url, sim.url);
      workers.push(worker);
      await until('the worker has delivered some dossiers', 30_000, () => sim.stats().dossiers >= 4);
      // Down for longer than the worker's poll interval, so that whole rounds fail, not one query.
      await cluster.restart(1_500);

      // New submissions after the restart, on a fresh connection, as a portal process would make them.
      const fresh = connect({ databaseUrl: cluster.url });
      try {
        expect(await pendingCount(fresh.db)).toBeGreaterThan(0); // the restart did come mid-run
        await submitBundles(fresh.db, AFTER_RESTART);
      } finally {
        await fresh.close();
      }

      // The old pool's connections were terminated by the restart; postgres.js opens new ones.
      await until('the outbox has drained', 45_000, async () => (await pendingCount(conn.db)) === 0);
      // The same worker process did it all: it neither crashed nor had to be restarted.
      expect(worker.exitCode).toBeNull();
      expect(worker.signalCode).toBeNull();
      await stopWorker(worker, 'SIGTERM');

      const rows = await expectExactlyOnce(conn.db, sim, expected);
      // Deliveries that the restart interrupted were taken up again once their lease ran out.
      expect(rows.some((r) => r.attempts > 1)).toBe(true);
    }, 120_000);
  },
);
