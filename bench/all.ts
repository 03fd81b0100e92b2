/**
 * `npm run bench` — the weight, Lighthouse, throughput and delivery benches one after another, each
 * printing its own tables and writing bench/results/<name>.json. Needs a production build (`npx next
 * build`) and, for delivery, PostgreSQL. A bench that fails does not stop the others; the exit code is 1
 * if any failed. The load bench is not part of it: five minutes of 200 citizens is run on its own
 * (`npm run bench:load`).
 */
import { spawnSync } from 'node:child_process';

const benches = ['weight', 'lighthouse', 'throughput', 'delivery'];
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
