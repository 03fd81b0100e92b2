/**
 * `npm run bench` — the weight, Lighthouse, throughput, delivery and load benches one after another, each
 * printing its own tables and writing bench/results/<name>.json. Needs a production build (`npx next
 * build`) and, for throughput, delivery and load, PostgreSQL. A bench that fails does not stop the others;
 * the exit code is 1 if any failed. `BENCH_SKIP=load,delivery` leaves benches out.
 */
import { spawnSync } from 'node:child_process';

const skipped = new Set((process.env.BENCH_SKIP ?? '').split(',').map((name) => name.trim()));
const benches = ['weight', 'lighthouse', 'throughput', 'delivery', 'load'].filter((b) => !skipped.has(b));
const outcomes: { bench: string; exit: number | string; minutes: number }[] = [];
for (const bench of benches) {
  console.log(`\n=== bench:${bench} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}.ts`], { stdio: 'inherit' });
  outcomes.push({
    bench,
    exit: run.status ?? run.signal ?? 'unknown',
    minutes: Math.round((Date.now() - started) / 6_000) / 10,
  });
}
console.log('\n=== all benches ===');
console.table(outcomes);
if (outcomes.some((o) => o.exit !== 0)) process.exitCode = 1;
