/**
 * `npm run bench:delivery` — delivery from the outbox to the provincial back end, on PostgreSQL
 * (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres; each run gets a database of its own,
 * dropped afterwards even on failure). Against the simulator, healthy, over loopback HTTP:
 *  A. Steady load: BENCH_RATE birth-bundle submissions a second (3 dossiers each, default 20 → 60
 *     dossiers/s) for BENCH_SECONDS (default 15). Latency per dossier from submit to the province's code
 *     (submissions.submitted_at → dossiers.sent_at, both the database's clock): p50, p95, max, share
 *     within 10 s (goal: 95 %), throughput.
 *  B. Backlog after a one-hour outage: BENCH_BACKLOG dossiers (default 10,000) as an hour of 503s leaves
 *     them — 11 attempts, next try 0–1 h away as full-jitter backoff scheduled it — with a few due now.
 *     Time from the back end's return until no row is pending, and throughput.
 * Each with 1 and with 4 workers (BENCH_WORKERS, default "1,4"). The workers are separate OS processes
 * running the production worker (worker/main.ts under `node --import tsx`, one process each, no npx
 * wrapper in between), so they poll like production: a round every second when idle, back to back while
 * there is work, and the status sync after each round (STATUS_POLL_SECONDS=3600, so each sent dossier is
 * polled once). The simulator runs in this process, which also submits the dossiers.
 * After each run, exactly once: every dossier in the simulator once under its own key with the code we
 * stored, no outbox row pending or dead; otherwise the run is reported as failed and the exit code is 1.
 * Prints tables and writes bench/results/delivery.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createProvinceClient, ProvincePermanentError } from '@/adapters/province';
import { connect, type Database } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { submitDraft } from '@/db/queries/submissions';
import { dossiers, drafts, outboxMessages, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { startSimulator } from '@/simulator/server';
import { birthBundleSubmission } from '@/tests/support/db';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rate = Number(process.env.BENCH_RATE ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const backlog = Number(process.env.BENCH_BACKLOG ?? 10_000);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,4').split(',').map(Number);
const goalMs = 10_000;
/** Rows the relay finds due the moment the back end answers again: the first retries after the outage. */
const dueAtRecovery = 5;
const answers = {
  'applicant-name': 'Giàng Thị Mỷ',
  'applicant-cid': '002195012345',
  'applicant-phone': '0912345678',
};

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** A database of the run's own, migrated and seeded; dropped afterwards whatever happens. */
async function withDatabase<T>(label: string, run: (db: Database, url: string) => Promise<T>): Promise<T> {
  const name = `motcua_bench_${process.pid}_${label}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
    const conn = connect({ databaseUrl: url.toString() });
    try {
      await conn.migrate();
      await seed(conn.db);
      return await run(conn.db, url.toString());
    } finally {
      await conn.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** The production worker, `workers` times, each its own process; resolves once every one is polling. */
async function startWorkers(workers: number, databaseUrl: string, provinceUrl: string) {
  const children: ChildProcess[] = [];
  const stderr = new Map<ChildProcess, string>();
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // The worker closes its pool on SIGTERM (worker/main.ts); one that hangs is not worth waiting for.
        if ((await Promise.race([exited, sleep(10_000, 'timeout')])) === 'timeout') child.kill('SIGKILL');
      }),
    );
  };
  try {
    await Promise.all(
      Array.from({ length: workers }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PROVINCE_BASE_URL: provinceUrl,
            PROVINCE_CLIENT_ID: 'motcua',
            PROVINCE_CLIENT_SECRET: 'dev-client-secret',
            PROVINCE_SIGNING_SECRET: 'dev-signing-secret',
            PROVINCE_TIMEOUT_MS: '10000',
            STATUS_POLL_SECONDS: '3600',
            // The production lease, whatever the calling shell has set for crash tests.
            OUTBOX_LEASE_SECONDS: '',
          },
        });
        children.push(child);
        stderr.set(child, '');
        child.stderr!.on('data', (chunk: Buffer) =>
          stderr.set(child, (stderr.get(child)! + chunk).slice(-4000)),
        );
        return new Promise<void>((resolve, reject) => {
          child.stdout!.on('data', (chunk: Buffer) => {
            if (String(chunk).includes('Outbox relay running.')) resolve();
          });
          child.once('exit', (code, signal) =>
            reject(new Error(`A worker exited (${code ?? signal}) before it started:\n${stderr.get(child)}`)),
          );
          setTimeout(() => reject(new Error('A worker did not start within 60 s')), 60_000).unref();
        });
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const died = () => {
    const dead = children.find((child) => child.exitCode !== null || child.signalCode !== null);
    return dead && `A worker exited (${dead.exitCode ?? dead.signalCode}):\n${stderr.get(dead)}`;
  };
  return { stop, died };
}

/** The simulator and the workers around one run; both stopped afterwards whatever happens. */
async function withDelivery<T>(
  workers: number,
  databaseUrl: string,
  run: (sim: Simulator, died: () => string | undefined) => Promise<T>,
): Promise<T> {
  // Statuses stay put for an hour: the status sync's polls find nothing new to store.
  const sim = await startSimulator({ statusStepMs: 3_600_000 });
  try {
    // The workers' credentials, checked first: an unknown code must get 404 (signed in), not 401.
    const client = createProvinceClient({
      baseUrl: sim.url,
      clientId: 'motcua',
      clientSecret: 'dev-client-secret',
      signingSecret: 'dev-signing-secret',
      timeoutMs: 10_000,
    });
    const answer = await client.getStatus('no-such-dossier').catch((error: unknown) => error);
    if (!(answer instanceof ProvincePermanentError && answer.status === 404))
      throw new Error(`The simulator did not accept the workers' credentials: ${String(answer)}`);
    const pool = await startWorkers(workers, databaseUrl, sim.url);
    try {
      return await run(sim, pool.died);
    } finally {
      await pool.stop();
    }
  } finally {
    await sim.close();
  }
}

async function waitUntilDrained(db: Database, died: () => string | undefined, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db
      .select({ n: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.status, 'pending'));
    if ((row?.n ?? 0) === 0) return;
    const death = died();
    if (death) throw new Error(death);
    if (Date.now() > deadline) throw new Error(`${row?.n} rows still pending after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** Every dossier reached the simulator exactly once, under its own key, with the code we stored. */
async function checkExactlyOnce(db: Database, sim: Simulator): Promise<string[]> {
  const rows = await db
    .select({
      key: outboxMessages.idempotencyKey,
      status: outboxMessages.status,
      code: dossiers.provinceCode,
      sentAt: dossiers.sentAt,
    })
    .from(outboxMessages)
    .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId));
  const [all] = await db.select({ n: count() }).from(dossiers);
  const stats = sim.stats();
  const problems: string[] = [];
  if (rows.length !== all?.n) problems.push(`${all?.n} dossiers but ${rows.length} outbox rows`);
  if (stats.dossiers !== rows.length)
    problems.push(`simulator holds ${stats.dossiers} dossiers, we have ${rows.length}`);
  const byStatus = (status: string) => rows.filter((r) => r.status === status).length;
  if (byStatus('pending') > 0) problems.push(`${byStatus('pending')} outbox rows pending`);
  if (byStatus('dead') > 0) problems.push(`${byStatus('dead')} outbox rows dead`);
  const unsent = rows.filter((r) => !r.sentAt).length;
  if (unsent > 0) problems.push(`${unsent} dossiers without sent_at`);
  const mismatched = rows.filter((r) => !r.code || stats.byKey[r.key] !== r.code).length;
  if (mismatched > 0) problems.push(`${mismatched} dossiers whose code differs from the simulator's`);
  return problems;
}

async function submitBundle(db: Database) {
  const draft = await createDraft(db, {
    sessionHash: 'b'.repeat(64),
    journeyId: 'birth-bundle',
    journeyVersion: 1,
    resumeCode: randomCode(),
    lifetimeDays: 30,
  });
  await submitDraft(db, birthBundleSubmission(draft.id, answers), randomCode, 'b'.repeat(64));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A: submissions at a steady rate, through the portal's own query, while the workers deliver. */
async function steady(workers: number) {
  return withDatabase(`steady_${workers}`, (db, url) =>
    withDelivery(workers, url, async (sim, died) => {
      const total = Math.round(rate * seconds);
      console.log(`A, ${workers} worker(s): ${total} bundle submissions at ${rate}/s…`);
      const failed: unknown[] = [];
      const inFlight: Promise<void>[] = [];
      const started = performance.now();
      for (let i = 0; i < total; i += 1) {
        const wait = started + (i * 1000) / rate - performance.now();
        if (wait > 0) await sleep(wait);
        inFlight.push(submitBundle(db).catch((error: unknown) => void failed.push(error)));
      }
      await Promise.all(inFlight);
      if (failed.length > 0) throw failed[0];
      await waitUntilDrained(db, died, 120_000);

      const rows = await db
        .select({
          ms: sql<number>`extract(epoch from ${dossiers.sentAt} - ${submissions.submittedAt}) * 1000`.mapWith(
            Number,
          ),
          submittedAt: submissions.submittedAt,
          sentAt: dossiers.sentAt,
        })
        .from(dossiers)
        .innerJoin(submissions, eq(submissions.id, dossiers.submissionId));
      const latencies = rows.map((r) => r.ms).sort((a, b) => a - b);
      const first = Math.min(...rows.map((r) => r.submittedAt.getTime()));
      const last = Math.max(...rows.map((r) => r.sentAt?.getTime() ?? Number.NaN));
      const within = latencies.filter((ms) => ms <= goalMs).length / latencies.length;
      return {
        workers,
        dossiers: rows.length,
        offeredPerSecond: rate * 3,
        throughputPerSecond: round(rows.length / ((last - first) / 1000), 1),
        p50Seconds: round(percentile(latencies, 0.5) / 1000),
        p95Seconds: round(percentile(latencies, 0.95) / 1000),
        maxSeconds: round((latencies.at(-1) ?? Number.NaN) / 1000),
        withinGoalShare: round(within, 4),
        goalMet: within >= 0.95,
        problems: await checkExactlyOnce(db, sim),
      };
    }),
  );
}

const usedCodes = new Set<string>();
function uniqueCode() {
  let code = randomCode();
  while (usedCodes.has(code)) code = randomCode();
  usedCodes.add(code);
  return code;
}

/**
 * B's backlog, in batches for speed but row for row what createDraft and submitDraft write (a draft, its
 * submission, a dossier per procedure, an outbox row per dossier keyed `<reference>-<procedure>`), as
 * an hour of 503s leaves them: 11 attempts, last error recorded. Held back a day until the back end
 * "returns", so nothing is delivered while the workers start.
 */
async function insertBacklog(db: Database, dossierCount: number) {
  const bundles = Math.ceil(dossierCount / 3);
  for (let start = 0; start < bundles; start += 500) {
    const size = Math.min(500, bundles - start);
    await db.transaction(async (tx) => {
      const draftRows = await tx
        .insert(drafts)
        .values(
          Array.from({ length: size }, () => ({
            sessionHash: 'b'.repeat(64),
            journeyId: 'birth-bundle',
            journeyVersion: 1,
            resumeCode: uniqueCode(),
            expiresAt: sql`now() + interval '30 days'`,
          })),
        )
        .returning({ id: drafts.id });
      // `procedures` become dossier rows; the rest is the submission row, as in submitDraft.
      const bundle = draftRows.map((draft) => {
        const { procedures, ...submission } = birthBundleSubmission(draft.id, answers);
        return { procedures, submission };
      });
      const submissionRows = await tx
        .insert(submissions)
        .values(
          bundle.map(({ submission }) => ({
            ...submission,
            reference: uniqueCode(),
            // Submitted at some point during the outage.
            submittedAt: sql`now() - random() * interval '1 hour'`,
          })),
        )
        .returning({ id: submissions.id, reference: submissions.reference, at: submissions.submittedAt });
      const dossierRows = await tx
        .insert(dossiers)
        .values(
          submissionRows.flatMap((s, i) =>
            bundle[i]!.procedures.map((p) => ({
              submissionId: s.id,
              procedureId: p.id,
              procedureVersion: p.version,
            })),
          ),
        )
        .returning({
          id: dossiers.id,
          submissionId: dossiers.submissionId,
          procedureId: dossiers.procedureId,
        });
      const bySubmission = new Map(submissionRows.map((s) => [s.id, s]));
      await tx.insert(outboxMessages).values(
        dossierRows.map((d) => {
          const submission = bySubmission.get(d.submissionId)!;
          return {
            dossierId: d.id,
            idempotencyKey: `${submission.reference}-${d.procedureId}`,
            attempts: 11,
            lastError: 'down',
            nextAttemptAt: sql`now() + interval '1 day'`,
            createdAt: submission.at,
          };
        }),
      );
    });
  }
}

/** B: the back end returns at t0; how long until the backlog is gone. */
async function drainBacklog(workers: number) {
  return withDatabase(`backlog_${workers}`, async (db, url) => {
    console.log(`B, ${workers} worker(s): inserting a backlog of ${backlog} dossiers…`);
    await insertBacklog(db, backlog);
    return withDelivery(workers, url, async (sim, died) => {
      // t0 is this transaction's now(): every retry is scheduled as full-jitter backoff after 11 failures
      // would have (0 to min(1 h, 5 s × 2¹¹)), except a few that fall due just as the back end returns.
      const t0 = await db.transaction(async (tx) => {
        await tx
          .update(outboxMessages)
          .set({ nextAttemptAt: sql`now() + random() * interval '1 hour'` })
          .where(eq(outboxMessages.status, 'pending'));
        const due = await tx
          .update(outboxMessages)
          .set({ nextAttemptAt: sql`now()` })
          .where(
            inArray(
              outboxMessages.id,
              tx.select({ id: outboxMessages.id }).from(outboxMessages).limit(dueAtRecovery),
            ),
          )
          .returning({ at: outboxMessages.nextAttemptAt });
        return due[0]!.at;
      });
      console.log(`B, ${workers} worker(s): back end healthy again, draining…`);
      await waitUntilDrained(db, died, 20 * 60_000);
      const [span] = await db
        .select({
          first:
            sql<number>`extract(epoch from min(${outboxMessages.deliveredAt}) - ${t0.toISOString()}::timestamptz)`.mapWith(
              Number,
            ),
          last: sql<number>`extract(epoch from max(${outboxMessages.deliveredAt}) - ${t0.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
          n: count(),
        })
        .from(outboxMessages);
      return {
        workers,
        dossiers: span!.n,
        firstDeliverySeconds: round(span!.first),
        drainSeconds: round(span!.last, 1),
        throughputPerSecond: round(span!.n / span!.last, 1),
        problems: await checkExactlyOnce(db, sim),
      };
    });
  });
}

async function main() {
  console.log(
    `Delivery benchmark on PostgreSQL, ${os.cpus().length} CPU core(s). Workers: separate OS processes ` +
      `running worker/main.ts (node --import tsx); simulator in this process; all on this host.`,
  );
  const steadyRuns = [];
  for (const workers of workerCounts) steadyRuns.push(await steady(workers));
  const backlogRuns = [];
  for (const workers of workerCounts) backlogRuns.push(await drainBacklog(workers));

  const exactlyOnce = (problems: string[]) => (problems.length === 0 ? 'yes' : 'FAILED');
  console.log(
    `\nA. Healthy back end, ${rate} bundle submissions/s (${rate * 3} dossiers/s) for ${seconds} s`,
  );
  console.table(
    steadyRuns.map((r) => ({
      workers: r.workers,
      dossiers: r.dossiers,
      'throughput /s': r.throughputPerSecond,
      'p50 s': r.p50Seconds,
      'p95 s': r.p95Seconds,
      'max s': r.maxSeconds,
      'within 10 s': `${round(r.withinGoalShare * 100, 2)} %`,
      'goal ≥ 95 %': r.goalMet ? 'met' : 'NOT MET',
      'exactly once': exactlyOnce(r.problems),
    })),
  );
  console.log(`\nB. Backlog of ${backlog} dossiers after a one-hour outage, back end healthy again`);
  console.table(
    backlogRuns.map((r) => ({
      workers: r.workers,
      dossiers: r.dossiers,
      'first delivery s': r.firstDeliverySeconds,
      'drained in s': r.drainSeconds,
      'throughput /s': r.throughputPerSecond,
      'exactly once': exactlyOnce(r.problems),
    })),
  );

  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/delivery.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        cpus: os.cpus().length,
        workers: 'separate OS processes running worker/main.ts',
        settings: { rate, seconds, backlog, workerCounts },
        steady: steadyRuns,
        backlog: backlogRuns,
      },
      null,
      2,
    ),
  );

  const failures = [...steadyRuns.map((r) => ['A', r] as const), ...backlogRuns.map((r) => ['B', r] as const)]
    .filter(([, r]) => r.problems.length > 0)
    .map(([scenario, r]) => `${scenario} with ${r.workers} worker(s): ${r.problems.join('; ')}`);
  if (failures.length > 0) {
    console.error(`\n*** EXACTLY-ONCE DELIVERY FAILED ***\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('\n*** DELIVERY BENCHMARK FAILED ***\n', error);
  process.exitCode = 1;
});
