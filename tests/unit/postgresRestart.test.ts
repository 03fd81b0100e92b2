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
import { birthBundleSubmission } from '../support/db';
import { pgClusterUnavailable, startPgCluster, type PgCluster } from '../support/pgCluster';

// The claim: restart PostgreSQL while the worker is delivering, and nothing is lost or sent twice. The
// worker's queries fail while the server is away; its loop gives up the round, the rows stay pending,
// postgres.js reconnects on the next query, and the next round carries on. The server is a private one
// (tests/support/pgCluster.ts): restarting the shared one would break the other test files.
const root = path.resolve(import.meta.dirname, '../..');
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
    async function startWorker() {
      const child = spawn('npx', ['tsx', 'worker/main.ts'], {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: cluster.url,
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
          reject(new Error(`The worker exited (${code ?? signal}):\n${output}`));
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

    async function submitMany(db: typeof conn.db, n: number) {
      for (let i = 0; i < n; i += 1) {
        const draft = await createDraft(db, {
          sessionHash: 's'.repeat(64),
          journeyId: 'birth-bundle',
          journeyVersion: 1,
          resumeCode: randomCode(),
          lifetimeDays: 30,
        });
        await submitDraft(
          db,
          birthBundleSubmission(draft.id, { 'applicant-name': 'Lò Văn Páo' }),
          randomCode,
        );
      }
    }

    it('delivers every dossier exactly once when PostgreSQL restarts mid-delivery', async () => {
      await submitMany(conn.db, BEFORE_RESTART);
      const expected = (BEFORE_RESTART + AFTER_RESTART) * 3;
      // Slow answers keep deliveries in flight when the restart comes.
      sim.setFaults({ latencyMs: 150 });

      const worker = await startWorker();
      await until('the worker has delivered some dossiers', 30_000, () => sim.stats().dossiers >= 4);
      // Down for longer than the worker's poll interval, so that whole rounds fail, not one query.
      await cluster.restart(1_500);

      // New submissions after the restart, on a fresh connection, as a portal process would make them.
      const fresh = connect({ databaseUrl: cluster.url });
      try {
        const [pending] = await fresh.db
          .select({ n: count() })
          .from(outboxMessages)
          .where(eq(outboxMessages.status, 'pending'));
        expect(pending?.n).toBeGreaterThan(0); // the restart did come mid-run
        await submitMany(fresh.db, AFTER_RESTART);
      } finally {
        await fresh.close();
      }

      // The old pool's connections were terminated by the restart; postgres.js opens new ones.
      await until('the outbox has drained', 45_000, async () => {
        const [row] = await conn.db
          .select({ n: count() })
          .from(outboxMessages)
          .where(eq(outboxMessages.status, 'pending'));
        return row?.n === 0;
      });
      // The same worker process did it all: it neither crashed nor had to be restarted.
      expect(worker.exitCode).toBeNull();
      expect(worker.signalCode).toBeNull();
      await stopWorker(worker, 'SIGTERM');

      // Exactly once: as many dossiers at the back end as we have, each under its own key and code.
      const stats = sim.stats();
      expect(stats.dossiers).toBe(expected);
      const rows = await conn.db
        .select({
          key: outboxMessages.idempotencyKey,
          status: outboxMessages.status,
          attempts: outboxMessages.attempts,
          code: dossiers.provinceCode,
        })
        .from(outboxMessages)
        .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId));
      expect(rows).toHaveLength(expected);
      expect(rows.every((r) => r.status === 'delivered')).toBe(true);
      expect(rows.every((r) => r.code && DOSSIER_CODE.test(r.code))).toBe(true);
      expect(new Set(rows.map((r) => r.code)).size).toBe(expected);
      expect(stats.byKey).toEqual(Object.fromEntries(rows.map((r) => [r.key, r.code])));
      // Deliveries that the restart interrupted were taken up again once their lease ran out.
      expect(rows.some((r) => r.attempts > 1)).toBe(true);
    }, 120_000);
  },
);
