/**
 * `npm run bench:load` — BENCH_USERS simulated citizens (default 200) for BENCH_SECONDS (default 300)
 * against the production server on PostgreSQL (a database of the run's own at PG_ADMIN_URL, migrated and
 * seeded by the server as it starts, dropped afterwards), with the outbox relay as its own process and
 * the simulator as the province, as in production (bench/support/server.ts; `npx next build` first).
 * Each citizen, with JavaScript off and cookies of its own, over and over: opens home, the "having a
 * baby" life event and the birth registration guide, then applies — start, consent, every question (a
 * birth notice uploaded), the declaration — reads the reference on the confirmation page and opens the
 * receipt (bench/support/citizen.ts). Between steps it thinks BENCH_THINK_MS (default 1000; each pause
 * uniform between half and one and a half times that; 0 for none). Starts are spread over the first
 * BENCH_RAMP_SECONDS (default 10). At the end a citizen abandons the journey it is in, unless it has
 * already sent its declaration: that one it follows to the receipt.
 * Counted: responses a citizen should never see (≥ 500, any 4xx on its way, refused answers, time-outs),
 * latency per kind of request (p50/p95/p99), references confirmed to citizens against rows in
 * `submissions`, `dossiers` and `outbox_messages` (postgres.js, straight to the database) and dossiers
 * the simulator received; duplicates of any kind fail the run. Every second: CPU % (of one core) and RSS
 * of the `next start` process and its children, the relay, this database's PostgreSQL backends and this
 * load generator, from /proc.
 * Prints tables and writes bench/results/load.json; exit code 1 when any error or duplicate was counted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import {
  AnswerRefusedError,
  applyForBirthRegistration,
  Citizen,
  UnexpectedResponseError,
  type Timing,
} from './support/citizen';
import { loadAverage, withPortal, withPostgresDatabase } from './support/server';

const users = Number(process.env.BENCH_USERS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 300);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
const rampSeconds = Number(process.env.BENCH_RAMP_SECONDS ?? 10);

/** Thrown by the think time once the run is over: the journey is left where it is. */
class RunOverError extends Error {}

interface Failure {
  readonly kind: string;
  readonly status: number;
  readonly message: string;
}

// --- Resource sampling from /proc --------------------------------------------------------------------

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime (clock ticks), parent pid and RSS (bytes) of a process, or null once it is gone. */
function readProc(pid: number): { ticks: number; ppid: number; rss: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and brackets: the fields after it start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rss: rssKb * 1024 };
  } catch {
    return null;
  }
}

/** `pid` and every process below it. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

interface Series {
  cpu: number[];
  rss: number[];
}

/** Samples each group of processes every second: CPU % of one core since the last sample, and RSS. */
function startSampling(groups: Record<string, () => Promise<number[]> | number[]>) {
  const series: Record<string, Series> = Object.fromEntries(
    Object.keys(groups).map((name) => [name, { cpu: [], rss: [] }]),
  );
  const lastTicks = new Map<number, number>();
  let lastAt = performance.now();
  let stopped = false;
  const loop = (async () => {
    for (const pids of Object.values(groups))
      for (const pid of await pids()) lastTicks.set(pid, readProc(pid)?.ticks ?? 0);
    while (!stopped) {
      await sleep(1000);
      const now = performance.now();
      const elapsed = (now - lastAt) / 1000;
      lastAt = now;
      for (const [name, pids] of Object.entries(groups)) {
        let ticks = 0;
        let rss = 0;
        for (const pid of await pids()) {
          const info = readProc(pid);
          if (!info) continue;
          // A process first seen now counts from its own start only if it started within the second.
          ticks += info.ticks - (lastTicks.get(pid) ?? info.ticks);
          lastTicks.set(pid, info.ticks);
          rss += info.rss;
        }
        series[name]!.cpu.push((ticks / ticksPerSecond / elapsed) * 100);
        series[name]!.rss.push(rss);
      }
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return series;
  };
}

// --- The citizens ------------------------------------------------------------------------------------

async function citizenLoop(
  base: string,
  deadline: number,
  timings: Timing[],
  failures: Failure[],
  confirmed: string[],
  counts: { journeys: number; abandoned: number },
) {
  while (Date.now() < deadline) {
    let sending = false;
    const citizen = new Citizen(base, {
      record: (t) => timings.push(t),
      think: async (kind) => {
        if (kind === 'POST submit') sending = true;
        if (!sending && Date.now() >= deadline) throw new RunOverError();
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
      },
    });
    counts.journeys += 1;
    try {
      await citizen.get('/vi');
      await citizen.get('/vi/life-events/having-a-baby');
      await citizen.get('/vi/procedures/register-birth');
      const application = await applyForBirthRegistration(citizen, true);
      confirmed.push(application.reference!);
    } catch (error) {
      if (error instanceof RunOverError) counts.abandoned += 1;
      else if (error instanceof UnexpectedResponseError)
        failures.push({ kind: error.kind, status: error.status, message: error.message });
      else if (error instanceof AnswerRefusedError)
        failures.push({ kind: 'POST answer', status: 303, message: error.message });
      else failures.push({ kind: 'other', status: 0, message: String((error as Error)?.message ?? error) });
    }
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function ledger(databaseUrl: string, simulatorUrl: string, confirmed: string[]) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    // The relay delivers within seconds; give it up to a minute to empty the outbox before counting.
    let pending = 0;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(500)) {
      [{ pending }] =
        (await sql`select count(*)::int as pending from outbox_messages where status = 'pending'`) as unknown as [
          { pending: number },
        ];
      if (pending === 0) break;
    }
    const [row] = (await sql`
      select
        (select count(*)::int from submissions) as submissions,
        (select count(distinct reference)::int from submissions) as distinct_references,
        (select count(distinct draft_id)::int from submissions) as distinct_drafts,
        (select count(*)::int from dossiers) as dossiers,
        (select count(distinct (submission_id, procedure_id))::int from dossiers) as distinct_dossiers,
        (select count(*)::int from outbox_messages) as outbox,
        (select count(distinct dossier_id)::int from outbox_messages) as distinct_outbox,
        (select count(distinct idempotency_key)::int from outbox_messages) as distinct_keys,
        (select count(*)::int from outbox_messages where status = 'delivered') as delivered,
        (select count(*)::int from outbox_messages where status = 'pending') as pending,
        (select count(*)::int from outbox_messages where status = 'dead') as dead
    `) as unknown as [Record<string, number>];
    const stored = new Set(
      ((await sql`select reference from submissions`) as unknown as { reference: string }[]).map(
        (r) => r.reference,
      ),
    );
    const simulator = (await (await fetch(`${simulatorUrl}/admin/stats`)).json()) as { dossiers: number };
    const confirmedSet = new Set(confirmed);
    const counts = row!;
    return {
      confirmedToCitizens: confirmed.length,
      submissionRows: counts.submissions!,
      dossierRows: counts.dossiers!,
      outboxRows: counts.outbox!,
      outboxDelivered: counts.delivered!,
      outboxPending: counts.pending!,
      outboxDead: counts.dead!,
      simulatorDossiers: simulator.dossiers,
      confirmedButNotStored: [...confirmedSet].filter((r) => !stored.has(r)).length,
      storedButNotConfirmed: [...stored].filter((r) => !confirmedSet.has(r)).length,
      duplicates: {
        referenceConfirmedTwice: confirmed.length - confirmedSet.size,
        submissionReference: counts.submissions! - counts.distinct_references!,
        submissionPerDraft: counts.submissions! - counts.distinct_drafts!,
        dossierPerProcedure: counts.dossiers! - counts.distinct_dossiers!,
        outboxPerDossier: counts.outbox! - counts.distinct_outbox!,
        idempotencyKey: counts.outbox! - counts.distinct_keys!,
        simulatorOverOutbox: Math.max(0, simulator.dossiers - counts.delivered!),
      },
    };
  } finally {
    await sql.end();
  }
}

async function main() {
  const loadAtStart = loadAverage();
  console.log(
    `Load: ${users} citizens for ${seconds} s (think ${thinkMs} ms ± 50 %, ramp ${rampSeconds} s) on ` +
      `PostgreSQL, ${os.cpus().length} CPU core(s) shared by the load generator, next start, the relay, ` +
      `the simulator and PostgreSQL.`,
  );
  const result = await withPostgresDatabase('load', (databaseUrl) =>
    withPortal({ databaseUrl, worker: true }, async (portal) => {
      const dbName = new URL(databaseUrl).pathname.slice(1);
      const monitor = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
      const stopSampling = startSampling({
        'next start (+ children)': () => processTree(portal.serverPid),
        'outbox relay': () => (portal.workerPid ? processTree(portal.workerPid) : []),
        'PostgreSQL backends (this db)': async () =>
          (
            (await monitor`select pid from pg_stat_activity where datname = ${dbName}`) as unknown as {
              pid: number;
            }[]
          ).map((r) => r.pid),
        'load generator (this process)': () => [process.pid],
      });
      const timings: Timing[] = [];
      const failures: Failure[] = [];
      const confirmed: string[] = [];
      const counts = { journeys: 0, abandoned: 0 };
      const started = Date.now();
      const deadline = started + seconds * 1000;
      console.log(`${users} citizens starting at ${portal.url}…`);
      const progress = setInterval(() => {
        const elapsed = Math.round((Date.now() - started) / 1000);
        console.log(
          `  ${elapsed} s: ${timings.length} requests, ${confirmed.length} confirmed, ${failures.length} errors`,
        );
      }, 15_000);
      try {
        await Promise.all(
          Array.from({ length: users }, async (_, i) => {
            await sleep((rampSeconds * 1000 * i) / users);
            await citizenLoop(portal.url, deadline, timings, failures, confirmed, counts);
          }),
        );
      } finally {
        clearInterval(progress);
      }
      const wallSeconds = (Date.now() - started) / 1000;
      const resources = await stopSampling();
      await monitor.end();
      return {
        wallSeconds,
        timings,
        failures,
        confirmed,
        counts,
        resources,
        ledger: await ledger(databaseUrl, portal.simulatorUrl, confirmed),
      };
    }),
  );

  const { timings, failures, ledger: books } = result;
  const kinds = [...new Set(timings.map((t) => t.kind))];
  const perKind = kinds.map((kind) => {
    const mine = timings.filter((t) => t.kind === kind);
    const ms = mine.map((t) => t.ms).sort((a, b) => a - b);
    return {
      kind,
      requests: mine.length,
      errors: mine.filter((t) => t.status === 0 || t.status >= 400).length,
      'p50 ms': round(percentile(ms, 0.5)),
      'p95 ms': round(percentile(ms, 0.95)),
      'p99 ms': round(percentile(ms, 0.99)),
      'max ms': round(ms.at(-1) ?? Number.NaN),
    };
  });
  const all = timings.map((t) => t.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const t of timings) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
  const duplicates = Object.values(books.duplicates).reduce((a, b) => a + b, 0);

  console.log(
    `\n${users} citizens, ${round(result.wallSeconds)} s (${seconds} s of new steps, then the declarations ` +
      `already sent followed to their receipts), think ${thinkMs} ms ± 50 %`,
  );
  console.table([
    {
      journeys: result.counts.journeys,
      'confirmed (receipt shown)': books.confirmedToCitizens,
      'abandoned at end': result.counts.abandoned,
      'failed journeys': failures.length,
      requests: timings.length,
      'req/s': round(timings.length / result.wallSeconds),
      'p50 ms': round(percentile(all, 0.5)),
      'p95 ms': round(percentile(all, 0.95)),
      statuses: Object.entries(byStatus)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    },
  ]);
  console.log('Latency per kind of request (redirect targets counted as the page they lead to):');
  console.table(perKind);
  console.log('Ledger: what citizens were told against what the database and the province hold');
  console.table([
    {
      'confirmed to citizens': books.confirmedToCitizens,
      'submissions rows': books.submissionRows,
      'dossiers rows': books.dossierRows,
      'outbox rows': books.outboxRows,
      delivered: books.outboxDelivered,
      pending: books.outboxPending,
      dead: books.outboxDead,
      'simulator dossiers': books.simulatorDossiers,
      'confirmed, not stored': books.confirmedButNotStored,
      'stored, not confirmed': books.storedButNotConfirmed,
      duplicates,
    },
  ]);
  console.log('Resources, sampled every second (CPU % of one core; 2 cores = 200 %)');
  console.table(
    Object.entries(result.resources).map(([name, s]) => ({
      process: name,
      'CPU avg %': round(avg(s.cpu)),
      'CPU max %': round(Math.max(0, ...s.cpu)),
      'RSS avg MB': round(avg(s.rss) / 2 ** 20),
      'RSS max MB': round(Math.max(0, ...s.rss) / 2 ** 20),
    })),
  );
  if (failures.length > 0) {
    const grouped = new Map<string, number>();
    for (const f of failures) {
      const message = f.message.replace(/[A-Z0-9]{8}/g, '…');
      grouped.set(message, (grouped.get(message) ?? 0) + 1);
    }
    console.log('Errors:');
    console.table([...grouped].slice(0, 20).map(([message, n]) => ({ message, n })));
  }

  console.log(
    `Machine load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end (${os.cpus().length} cores).`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/load.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        loadAverage: { start: loadAtStart, end: loadAverage() },
        cpus: os.cpus().length,
        settings: { users, seconds, thinkMs, rampSeconds, journey: 'register-birth, JavaScript off' },
        wallSeconds: round(result.wallSeconds),
        journeys: result.counts,
        requests: timings.length,
        statuses: byStatus,
        latency: { p50Ms: round(percentile(all, 0.5)), p95Ms: round(percentile(all, 0.95)), perKind },
        ledger: books,
        errors: failures.slice(0, 200),
        errorCount: failures.length,
        resources: Object.fromEntries(
          Object.entries(result.resources).map(([name, s]) => [
            name,
            {
              cpuAvgPercent: round(avg(s.cpu)),
              cpuMaxPercent: round(Math.max(0, ...s.cpu)),
              rssAvgMB: round(avg(s.rss) / 2 ** 20),
              rssMaxMB: round(Math.max(0, ...s.rss) / 2 ** 20),
            },
          ]),
        ),
      },
      null,
      2,
    ),
  );
  const problems = [
    ...(failures.length > 0 ? [`${failures.length} failed journeys`] : []),
    ...(duplicates > 0 ? [`${duplicates} duplicates: ${JSON.stringify(books.duplicates)}`] : []),
    ...(books.confirmedButNotStored > 0 ? [`${books.confirmedButNotStored} confirmed but not stored`] : []),
  ];
  if (problems.length > 0) {
    console.error(`\n*** LOAD: ${problems.join('; ')} ***`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('\n*** LOAD BENCHMARK FAILED ***\n', error);
  process.exitCode = 1;
});
