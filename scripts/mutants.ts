import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  allKilled,
  commandFor,
  loadMutants,
  outcomeOfExit,
  report,
  restoreLive,
  selectMutants,
  withMutant,
  type ListedMutant,
  type Result,
} from '@/lib/mutants';

// `npm run test:mutants [-- --only <id|area>] [--list] [--verbose] [--no-baseline]`: puts each hand-listed deliberate bug of
// tests/mutants/*.ts into the source, one at a time, runs the tests said to catch it and puts the file back.
// Not part of `npm test`: it runs the listed tests once per mutant. Why hand-listed: docs/adr/0022.

const root = process.cwd();
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

async function main() {
  const mutants = selectMutants(await loadMutants(path.join(root, 'tests', 'mutants')), only);
  if (args.includes('--list')) {
    for (const m of mutants) console.log(`${m.id}  (${m.area})  ${m.file}\n    ${m.description}`);
    return 0;
  }
  refuseDirty(mutants);
  const failing = args.includes('--no-baseline') ? new Set<string>() : await failingUnmutated(mutants);
  const results: Result[] = [];
  for (const mutant of mutants) {
    const result = failing.has(JSON.stringify(commandFor(mutant)))
      ? { mutant, outcome: 'stale' as const, seconds: 0, note: 'its tests fail without the mutant' }
      : await tryMutant(mutant);
    console.log(`${result.outcome.padEnd(8)} ${mutant.id} (${result.seconds.toFixed(1)} s)`);
    results.push(result);
  }
  console.log(`\n${report(results)}`);
  return allKilled(results) ? 0 : 1;
}

// The run writes into the work tree; a file with uncommitted changes could not be told apart from a mutant
// left behind, so it is refused rather than risked. Files are restored from memory, never from git.
function refuseDirty(mutants: readonly ListedMutant[]) {
  const files = [...new Set(mutants.map((m) => m.file))];
  const dirty = spawnSync('git', ['status', '--porcelain', '--', ...files], { cwd: root, encoding: 'utf8' });
  if (dirty.status !== 0 || dirty.stdout.trim() !== '') {
    console.error(
      `Refusing to mutate files with uncommitted changes (commit or stash them first):\n${dirty.stdout}${dirty.stderr}`,
    );
    process.exit(2);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restoreLive();
    console.error(`\nStopped by ${signal}; the mutated file was restored.`);
    process.exit(130);
  });
}

/**
 * Each distinct test command, run once on the unmutated source: a test that fails anyway would make every
 * mutant it is listed for look killed (a mistyped CLI flag did, once). Such mutants count as stale.
 */
async function failingUnmutated(mutants: readonly ListedMutant[]): Promise<Set<string>> {
  const failing = new Set<string>();
  for (const command of new Set(mutants.map((m) => JSON.stringify(commandFor(m))))) {
    const argv = JSON.parse(command) as string[];
    const status = await run(argv);
    console.log(`${status === 0 ? 'baseline' : 'FAILING '} ${argv.join(' ')}`);
    if (status !== 0) failing.add(command);
  }
  return failing;
}

/**
 * A mutant's tests may hang rather than fail (a body never read to its end): after MUTANT_TIMEOUT_S
 * (default 600) the whole process group is killed and the run counts as failing — as Stryker counts a
 * timeout, detected. Without the limit one such mutant held a full run for 31 minutes.
 */
const timeoutMs = Number(process.env.MUTANT_TIMEOUT_S ?? 600) * 1000;

function run(argv: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: root,
      stdio: verbose ? 'inherit' : 'ignore',
      detached: true,
    });
    const timer = setTimeout(() => {
      console.log(`timed out after ${timeoutMs / 1000} s: ${argv.join(' ')}`);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(-1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function tryMutant(mutant: ListedMutant): Promise<Result> {
  const started = performance.now();
  const argv = commandFor(mutant);
  const outcome = await withMutant(path.join(root, mutant.file), mutant, () => run(argv));
  const seconds = (performance.now() - started) / 1000;
  if ('stale' in outcome)
    return { mutant, outcome: 'stale', seconds, note: `${mutant.file}: ${outcome.stale}` };
  const result = outcomeOfExit(outcome.ran);
  return {
    mutant,
    outcome: result.outcome,
    seconds,
    note: result.note ?? (mutant.command ? argv.join(' ') : (mutant.tests ?? []).join(' ')),
  };
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    restoreLive();
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
