/**
 * `npm run bench:throughput` — requests per second and latency of the production server under
 * autocannon (20 connections, BENCH_SECONDS each, default 10, after a 2 s warm-up), on PGlite and, when
 * PostgreSQL answers (DATABASE_URL, or a database of the run's own at PG_ADMIN_URL), on PostgreSQL:
 *  - guide page     GET /vi/procedures/register-birth, meant to be static; whether Next.js served it from
 *                   its prerender cache (x-nextjs-cache / x-nextjs-prerender) or rendered it is reported.
 *  - search page    GET /vi/search?q=khai+sinh, dynamic by nature.
 *  - answer POST    a question page's form posted without JavaScript: the Server Action (`$ACTION_ID_…`)
 *                   reads the draft, validates and saves the answer, and answers 303. Each connection is
 *                   its own citizen with its own draft (session cookie), so no two share a row.
 * plus the ceiling: the guide page's own HTML, saved once and served gzipped (compressed once, ahead) by a
 * plain Node `http` server in a process of its own; each case is reported as a share of it.
 * Every request asks for gzip, as browsers do. Latency percentiles are over every response (autocannon's
 * own figures leave out non-2xx, such as the POST's 303). The load generator, the server and the
 * database share this machine's cores.
 * Prints a table and writes bench/results/throughput.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import autocannon, { type Client, type Options } from 'autocannon';
import { actionForm, Citizen } from './support/citizen';
import {
  loadAverage,
  postgresReachable,
  withPortal,
  withPostgresDatabase,
  type Portal,
} from './support/server';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ceilingPort = Number(process.env.BENCH_STATIC_PORT ?? 3301);
const guidePath = '/vi/procedures/register-birth';
const searchPath = '/vi/search?q=khai+sinh';
const browserHeaders = { 'accept-encoding': 'gzip, br', accept: 'text/html', 'accept-language': 'vi' };

interface CaseResult {
  readonly case: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly responses: number;
  readonly statuses: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** autocannon for BENCH_SECONDS after a warm-up; latency over every response, whatever its status. */
async function cannon(name: string, options: Options): Promise<CaseResult> {
  if (warmupSeconds > 0) await autocannon({ ...options, connections, duration: warmupSeconds });
  const times: number[] = [];
  const instance = autocannon({ ...options, connections, duration: seconds, timeout: 30 });
  instance.on('response', (_client: Client, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    case: name,
    requestsPerSecond: round(times.length / result.duration),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    p99Ms: round(percentile(times, 0.99)),
    responses: times.length,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** How Next.js served the page: from its prerender cache, or rendered for this request. */
async function servedAs(url: string) {
  const res = await fetch(url, { headers: browserHeaders });
  const html = await res.text();
  const cache = res.headers.get('x-nextjs-cache');
  const prerender = res.headers.get('x-nextjs-prerender');
  const cacheControl = res.headers.get('cache-control') ?? '';
  const isStatic = Boolean(cache || prerender) || /s-maxage|public/.test(cacheControl);
  return {
    html,
    served: isStatic ? 'static (prerendered)' : 'rendered per request (dynamic)',
    headers: { 'x-nextjs-cache': cache, 'x-nextjs-prerender': prerender, 'cache-control': cacheControl },
  };
}

/**
 * One draft per connection, each at its first question; the POST answers "applicant-name" (always
 * visible, so the same body is valid again and again) through the question page's own form.
 */
async function answerPost(portal: Portal): Promise<Options> {
  const cookies: string[] = [];
  let form: ReturnType<typeof actionForm> | undefined;
  for (let i = 0; i < connections; i += 1) {
    const citizen = new Citizen(portal.url);
    let page = await citizen.get('/vi/procedures/register-birth/apply');
    page = await citizen.submit(page, 'POST start', {});
    page = await citizen.submit(page, 'POST consent', { consent: 'yes' });
    form ??= actionForm(page.html, 'questionId');
    cookies.push(citizen.cookieHeader);
  }
  const fields = new FormData();
  for (const [name, value] of form!.hidden)
    fields.append(name, name === 'questionId' ? 'applicant-name' : value);
  fields.append('applicant-name', 'Giàng Thị Mỷ');
  // The multipart body and its boundary exactly as fetch would send them.
  const request = new Request(portal.url, { method: 'POST', body: fields });
  const body = Buffer.from(await request.arrayBuffer());
  const headers = {
    ...browserHeaders,
    'content-type': request.headers.get('content-type')!,
    origin: portal.url,
  };
  let next = 0;
  return {
    url: `${portal.url}/vi/apply/register-birth/q/applicant-name`,
    method: 'POST',
    body,
    headers,
    setupClient: (client) => client.setHeaders({ ...headers, cookie: cookies[next++ % cookies.length]! }),
  };
}

async function runCases(database: string, portal: Portal) {
  console.log(`${database}: measuring (${seconds} s per case, ${connections} connections)…`);
  const guide = await servedAs(`${portal.url}${guidePath}`);
  const search = await servedAs(`${portal.url}${searchPath}`);
  const cases = [
    await cannon('guide page', { url: `${portal.url}${guidePath}`, headers: browserHeaders }),
    await cannon('search page', { url: `${portal.url}${searchPath}`, headers: browserHeaders }),
    await cannon('answer POST (Server Action)', await answerPost(portal)),
  ];
  return {
    database: `${database} (${portal.driver})`,
    guideHtml: guide.html,
    served: { [guidePath]: guide.served, [searchPath]: search.served },
    headers: { [guidePath]: guide.headers, [searchPath]: search.headers },
    cases,
  };
}

/** The ceiling: a plain Node `http` server with the page gzipped once, in a process of its own. */
async function ceiling(html: string): Promise<CaseResult> {
  const file = path.join(os.tmpdir(), `motcua-bench-guide-${process.pid}.html`);
  writeFileSync(file, html);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/throughput.ts', '--serve', file, String(ceilingPort)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`The static server exited (${code})`)));
    });
    console.log('Plain Node static server: measuring…');
    return await cannon('ceiling: same HTML, plain Node http + gzip', {
      url: `http://127.0.0.1:${ceilingPort}${guidePath}`,
      headers: browserHeaders,
    });
  } finally {
    child.kill('SIGTERM');
    await sleep(200);
  }
}

function serve(file: string, port: number) {
  const html = readFileSync(file);
  const gzipped = gzipSync(html);
  createServer((req, res) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipped : html);
  }).listen(port, '127.0.0.1', () => console.log('listening'));
}

async function main() {
  const loadAtStart = loadAverage();
  console.log(
    `Throughput, ${os.cpus().length} CPU core(s): autocannon in this process, next start and the database ` +
      `(PGlite inside the server process; PostgreSQL its own processes) on the same host.`,
  );
  const runs = [await withPortal({}, (portal) => runCases('PGlite', portal))];
  if (process.env.DATABASE_URL) {
    runs.push(
      await withPortal({ databaseUrl: process.env.DATABASE_URL }, (portal) => runCases('PostgreSQL', portal)),
    );
  } else if (await postgresReachable()) {
    runs.push(
      await withPostgresDatabase('throughput', (url) =>
        withPortal({ databaseUrl: url }, (portal) => runCases('PostgreSQL', portal)),
      ),
    );
  } else console.log('PostgreSQL: not reachable (PG_ADMIN_URL), skipped');
  const top = await ceiling(runs[0]!.guideHtml);

  const rows = [
    ...runs.flatMap((run) => run.cases.map((c) => ({ database: run.database, ...c }))),
    { database: '—', ...top },
  ];
  console.log(`\n${seconds} s per case, ${connections} connections, after ${warmupSeconds} s warm-up`);
  console.table(
    rows.map((r) => ({
      database: r.database,
      case: r.case,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
      'p99 ms': r.p99Ms,
      'of ceiling': `${round((r.requestsPerSecond / top.requestsPerSecond) * 100)} %`,
      statuses: Object.entries(r.statuses)
        .map(([code, n]) => `${code}×${n}`)
        .join(' '),
      'errors/timeouts': `${r.errors}/${r.timeouts}`,
    })),
  );
  for (const [p, served] of Object.entries(runs[0]!.served)) console.log(`${p}: ${served}`);
  console.log(`  headers of ${guidePath}: ${JSON.stringify(runs[0]!.headers[guidePath])}`);

  console.log(
    `Machine load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end (${os.cpus().length} cores).`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/throughput.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        loadAverage: { start: loadAtStart, end: loadAverage() },
        cpus: os.cpus().length,
        settings: { seconds, warmupSeconds, connections },
        ceiling: top,
        runs: runs.map((run) => ({
          database: run.database,
          served: run.served,
          headers: run.headers,
          cases: run.cases.map((c) => ({
            ...c,
            shareOfCeiling: round(c.requestsPerSecond / top.requestsPerSecond, 3),
          })),
        })),
      },
      null,
      2,
    ),
  );
}

if (process.argv[2] === '--serve') serve(process.argv[3]!, Number(process.argv[4]));
else
  main().catch((error: unknown) => {
    console.error('\n*** THROUGHPUT BENCHMARK FAILED ***\n', error);
    process.exitCode = 1;
  });
