import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { DOSSIER_CODE } from '@/adapters/province';
import type { Database } from '@/db/client';
import { dossiers, outboxMessages } from '@/db/schema';
import type { startSimulator } from '@/simulator/server';

// Shared by the crash tests: the real worker process, waiting for conditions, and the exactly-once check.

const root = path.resolve(import.meta.dirname, '../..');
type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/**
 * `npm run worker` as deployed: npx, tsx and the worker's own node process. Detached, so they form a
 * process group and a kill reaches the worker itself rather than only npx. Resolves once it is running.
 */
export async function startWorker(databaseUrl: string, provinceUrl: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'worker/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PROVINCE_BASE_URL: provinceUrl,
      OUTBOX_LEASE_SECONDS: '2',
      STATUS_POLL_SECONDS: '3600',
      // vitest silences logs (vitest.config.mts); the worker announces itself at info.
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test: the caller never gets this child to stop.
      void stopWorker(child, 'SIGKILL');
      reject(new Error(`The worker did not start:\n${output}`));
    }, 30_000);
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

export function stopWorker(child: ChildProcess, signal: NodeJS.Signals) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return Promise.resolve(); // the whole group is gone already
  }
  return child.exitCode === null && child.signalCode === null ? exited : Promise.resolve();
}

export async function until(what: string, timeoutMs: number, done: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function pendingCount(db: Database) {
  const [row] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .where(eq(outboxMessages.status, 'pending'));
  return row?.n ?? 0;
}

/** Exactly once: as many dossiers at the back end as we have, each under its own key and code. */
export async function expectExactlyOnce(db: Database, sim: Simulator, expected: number) {
  const stats = sim.stats();
  expect(stats.dossiers).toBe(expected);
  const rows = await db
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
  return rows;
}
