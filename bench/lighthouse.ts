/**
 * `npm run bench:lighthouse` — Lighthouse (the npm package's CLI, which drives Debian's Chromium
 * through chrome-launcher) on the key routes of bench/support/routes.ts, against the production build
 * (`npx next build` first; this starts `next start` and the simulator itself, PGlite in memory).
 * Mobile form factor, simulated throttling, two profiles:
 *   Slow 4G     rtt 150 ms, 1.6 Mbit/s, CPU × 4 (Lighthouse's own mobile default)
 *   Regular 3G  rtt 300 ms, 700 kbit/s, CPU × 4
 * The median of BENCH_RUNS runs (default 3) per route and profile, each figure its own median, each run in
 * a fresh Chromium. BENCH_ROUTES restricts the routes ("home,guide"). Pages of an application in progress
 * are opened with the citizen's session cookie sent as a header.
 * Budgets: Slow 4G performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95, LCP ≤ 2.0 s,
 * TBT ≤ 150 ms, CLS ≤ 0.02; Regular 3G LCP ≤ 3.5 s. Lists every audit that fails on any run (score
 * below 0.9, as Lighthouse marks them), so the team can fix them.
 * Then, as a cross-check of the simulated paint times, BENCH_APPLIED_RUNS runs (default 1; 0 for none)
 * per route and profile with applied throttling (`--throttling-method=devtools`: Chromium itself slows
 * the network and the CPU, and the paints are observed, not computed). Lantern, the simulation, counts in
 * LCP every request that finished before the LCP it observed on the unthrottled load, where the
 * framework's async scripts arrive before the first paint; on a slow link the text paints long before
 * they arrive. The budget verdicts stay with the simulated figures.
 * Prints tables and writes bench/results/lighthouse.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Result } from 'lighthouse';
import { chromiumArgs, fullChromiumPath } from '../tests/support/chromium';
import { cookieHeader, keyRoutes, selectedRoutes, statusOf, type Route } from './support/routes';
import { loadAverage, withPortal, type Portal } from './support/server';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const appliedRuns = Number(process.env.BENCH_APPLIED_RUNS ?? 1);
type Method = 'simulate' | 'devtools';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Simulated throttling; the request latency and throughput figures as Lighthouse's own presets derive them. */
const profiles = [
  { name: 'Slow 4G', rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier: 4 },
  { name: 'Regular 3G', rttMs: 300, throughputKbps: 700, cpuSlowdownMultiplier: 4 },
] as const;
type Profile = (typeof profiles)[number];

interface Figures {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** Each profile's budgets: [figure, test, how it is written]. */
const budgets: Record<Profile['name'], [keyof Figures, (v: number) => boolean, string][]> = {
  'Slow 4G': [
    ['performance', (v) => v >= 95, '≥ 95'],
    ['accessibility', (v) => v >= 100, '= 100'],
    ['best-practices', (v) => v >= 95, '≥ 95'],
    ['seo', (v) => v >= 95, '≥ 95'],
    ['lcpMs', (v) => v <= 2000, '≤ 2.0 s'],
    ['tbtMs', (v) => v <= 150, '≤ 150 ms'],
    ['cls', (v) => v <= 0.02, '≤ 0.02'],
  ],
  'Regular 3G': [['lcpMs', (v) => v <= 3500, '≤ 3.5 s']],
};

/**
 * One Lighthouse run in a fresh Chromium (chrome-launcher, inside Lighthouse's CLI). The CLI runs under
 * plain node, not tsx: tsx's transform adds `__name` helpers to Lighthouse's page functions, which it
 * serialises into the page, where they fail with "__name is not defined".
 */
async function runOnce(url: string, profile: Profile, cookie: string, method: Method): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-lighthouse-'));
  const report = path.join(dir, 'report.json');
  try {
    await promisify(execFile)(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--quiet',
        // The DevTools log, to tell why when Chromium fails to load the page (see `whyFailed`).
        '--save-assets',
        '--output=json',
        `--output-path=${report}`,
        `--only-categories=${method === 'simulate' ? categories.join(',') : 'performance'}`,
        '--form-factor=mobile',
        `--throttling-method=${method}`,
        `--throttling.rttMs=${profile.rttMs}`,
        `--throttling.throughputKbps=${profile.throughputKbps}`,
        `--throttling.cpuSlowdownMultiplier=${profile.cpuSlowdownMultiplier}`,
        `--throttling.requestLatencyMs=${profile.rttMs * 3.75}`,
        `--throttling.downloadThroughputKbps=${profile.throughputKbps * 0.9}`,
        `--throttling.uploadThroughputKbps=${profile.throughputKbps * 0.9}`,
        // Playwright turns Chromium's HTTPS upgrades off; chrome-launcher does not.
        `--chrome-flags=${['--headless', ...chromiumArgs, '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable'].join(' ')}`,
        ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
      ],
      {
        env: { ...process.env, CHROME_PATH: fullChromiumPath, NODE_OPTIONS: '' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const lhr = JSON.parse(readFileSync(report, 'utf8')) as Result;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
    throw new Error(`${stderr.split('\n')[0]} [${await whyFailed(dir, url)}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The network errors of the failed run's documents, and whether the portal still answers. */
async function whyFailed(dir: string, url: string): Promise<string> {
  const reasons: string[] = [];
  const log = readdirSync(dir).find((f) => f.endsWith('.devtoolslog.json'));
  if (log) {
    const events = JSON.parse(readFileSync(path.join(dir, log), 'utf8')) as {
      method: string;
      params: { type?: string; errorText?: string; blockedReason?: string };
    }[];
    for (const e of events)
      if (e.method === 'Network.loadingFailed' && e.params.type === 'Document')
        reasons.push(
          `document: ${e.params.errorText}${e.params.blockedReason ? ` (${e.params.blockedReason})` : ''}`,
        );
  }
  const health = await fetch(new URL('/api/health', url)).then(
    (res) => `health ${res.status}`,
    (error: unknown) => `health: ${(error as Error).message}`,
  );
  return [...reasons, health].join('; ');
}

/**
 * On this shared machine Lighthouse now and then reports "Chrome prevented page load with an
 * interstitial" (Chromium's error page) for a page that loads fine the next time: up to three tries.
 */
async function runWithRetries(
  portal: Portal,
  url: string,
  profile: Profile,
  cookie: string,
  method: Method = 'simulate',
): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runOnce(url, profile, cookie, method);
    } catch (error) {
      if (!portal.alive()) throw new PortalStoppedError();
      const message = (error as Error).message;
      if (attempt >= 3) throw new Error(`Lighthouse failed three times on ${url}: ${message}`);
      console.log(`  Lighthouse failed on ${url}: ${message}; trying again`);
    }
  }
}

function figures(lhr: Result): Figures {
  const score = (id: (typeof categories)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
  };
}

/** Audits Lighthouse marks as failed (score below 0.9), by category, with what it says. */
function failingAudits(lhr: Result) {
  const failing: { category: string; id: string; title: string; displayValue?: string }[] = [];
  for (const id of categories) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode)) continue;
      failing.push({
        category: id,
        id: audit.id,
        title: audit.title,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  return failing;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `next start` went away under a run (see bench/support/server.ts): restart, prepare the routes again. */
class PortalStoppedError extends Error {}

async function measure(portal: Portal, route: Route, profile: Profile) {
  const cookie = cookieHeader(route);
  const all: Figures[] = [];
  const failing = new Map<string, ReturnType<typeof failingAudits>[number] & { runs: number }>();
  const failedRuns: string[] = [];
  for (let run = 1; run <= runs; run += 1) {
    let lhr: Result;
    try {
      lhr = await runWithRetries(portal, new URL(route.path, portal.url).toString(), profile, cookie);
    } catch (error) {
      if (error instanceof PortalStoppedError) throw error;
      // Reported, and the other runs and routes still measured.
      console.log(`  ${(error as Error).message}`);
      failedRuns.push((error as Error).message);
      continue;
    }
    all.push(figures(lhr));
    for (const audit of failingAudits(lhr)) {
      const key = `${audit.category}/${audit.id}`;
      failing.set(key, { ...audit, runs: (failing.get(key)?.runs ?? 0) + 1 });
    }
  }
  if (all.length === 0)
    return { median: null, runs: all, failedRuns, misses: [], failingAudits: [...failing.values()] };
  const keys = Object.keys(all[0]!) as (keyof Figures)[];
  const med = Object.fromEntries(keys.map((k) => [k, median(all.map((f) => f[k]))])) as unknown as Figures;
  const misses = budgets[profile.name]
    .filter(([key, test]) => !test(med[key]))
    .map(([key, , text]) => `${key} ${text}`);
  return { median: med, runs: all, failedRuns, misses, failingAudits: [...failing.values()] };
}

/** FCP and LCP observed under applied throttling (see the top): medians of BENCH_APPLIED_RUNS runs. */
async function measureApplied(portal: Portal, route: Route, profile: Profile) {
  const cookie = cookieHeader(route);
  const observed: { fcpMs: number; lcpMs: number }[] = [];
  for (let run = 1; run <= appliedRuns; run += 1) {
    try {
      const url = new URL(route.path, portal.url).toString();
      const { fcpMs, lcpMs } = figures(await runWithRetries(portal, url, profile, cookie, 'devtools'));
      observed.push({ fcpMs, lcpMs });
    } catch (error) {
      if (error instanceof PortalStoppedError) throw error;
      console.log(`  ${(error as Error).message}`); // a cross-check: shown as "–", the bench goes on
    }
  }
  if (observed.length === 0) return null;
  return {
    fcpMs: median(observed.map((o) => o.fcpMs)),
    lcpMs: median(observed.map((o) => o.lcpMs)),
    runs: observed,
  };
}

const s = (ms: number) => Math.round(ms / 10) / 100;

async function main() {
  const loadAtStart = loadAverage();
  const results = await withPortal({}, async (portal) => {
    let routes = selectedRoutes(await keyRoutes(portal.url));
    // With PGlite in memory the drafts and the receipt go with the server: make them again.
    const revive = async () => {
      console.log('  next start was stopped from outside; restarting it and preparing the routes again');
      await portal.restart();
      routes = selectedRoutes(await keyRoutes(portal.url));
    };
    const measured = [];
    for (let index = 0; index < routes.length; index += 1) {
      if (!portal.alive()) await revive();
      let route = routes[index]!;
      const status = await statusOf(portal.url, route);
      if (status !== 200) {
        if (!(route.optional && status === 404))
          throw new Error(`${route.name} (${route.path}) answered ${status}`);
        console.log(`${route.name} (${route.path}): not available (404), skipped`);
        measured.push({ route: route.name, path: route.path, available: false as const });
        continue;
      }
      const byProfile: Record<string, Awaited<ReturnType<typeof measure>>> = {};
      const applied: Record<string, Awaited<ReturnType<typeof measureApplied>>> = {};
      for (const profile of profiles) {
        console.log(`${route.name} (${route.path}), ${profile.name}: ${runs} run(s)…`);
        for (let restarts = 0; ; restarts += 1) {
          try {
            byProfile[profile.name] = await measure(portal, route, profile);
            if (appliedRuns > 0) {
              console.log(`${route.name}, ${profile.name}, applied throttling: ${appliedRuns} run(s)…`);
              applied[profile.name] = await measureApplied(portal, route, profile);
            }
            break;
          } catch (error) {
            if (!(error instanceof PortalStoppedError) || restarts >= 3) throw error;
            await revive();
            route = routes[index]!;
          }
        }
      }
      measured.push({
        route: route.name,
        path: route.path,
        available: true as const,
        profiles: byProfile,
        applied,
      });
    }
    return measured;
  });

  const available = results.filter((r) => r.available);
  for (const profile of profiles) {
    console.log(
      `\n${profile.name} (rtt ${profile.rttMs} ms, ${profile.throughputKbps} kbit/s, CPU × ${profile.cpuSlowdownMultiplier}), ` +
        `median of ${runs}. Budgets: ${budgets[profile.name].map(([k, , t]) => `${k} ${t}`).join(', ')}`,
    );
    console.table(
      available.map((r) => {
        const { median: m, misses, runs: done, failedRuns } = r.profiles[profile.name]!;
        if (!m) return { route: r.route, budgets: `FAILED: ${failedRuns[0]}` };
        return {
          route: r.route,
          runs: failedRuns.length ? `${done.length} of ${runs}` : done.length,
          perf: m.performance,
          a11y: m.accessibility,
          'best pr.': m['best-practices'],
          SEO: m.seo,
          'FCP s': s(m.fcpMs),
          'LCP s': s(m.lcpMs),
          'TBT ms': Math.round(m.tbtMs),
          CLS: Math.round(m.cls * 1000) / 1000,
          budgets: misses.length === 0 ? 'ok' : `MISS: ${misses.join('; ')}`,
        };
      }),
    );
  }
  if (appliedRuns > 0) {
    console.log(
      `\nApplied throttling (Chromium slows network and CPU; paints observed, not simulated), median of ` +
        `${appliedRuns}: a cross-check of the simulated FCP and LCP above, not a budget verdict.`,
    );
    console.table(
      available.map((r) =>
        Object.fromEntries([
          ['route', r.route],
          ...profiles.flatMap((p) => {
            const a = r.applied[p.name];
            return [
              [`${p.name} FCP s`, a ? s(a.fcpMs) : '–'],
              [`${p.name} LCP s`, a ? s(a.lcpMs) : '–'],
            ];
          }),
        ]),
      ),
    );
  }
  const audits = new Map<
    string,
    { title: string; routes: Set<string>; profiles: Set<string>; values: Set<string> }
  >();
  for (const r of available)
    for (const profile of profiles)
      for (const a of r.profiles[profile.name]!.failingAudits) {
        const key = `${a.category}: ${a.id}`;
        const entry = audits.get(key) ?? {
          title: a.title,
          routes: new Set(),
          profiles: new Set(),
          values: new Set(),
        };
        entry.routes.add(r.route);
        entry.profiles.add(profile.name);
        if (a.displayValue) entry.values.add(a.displayValue);
        audits.set(key, entry);
      }
  console.log('\nFailing Lighthouse audits (score < 0.9 on at least one run):');
  if (audits.size === 0) console.log('  none');
  else
    console.table(
      [...audits].map(([key, a]) => ({
        audit: key,
        title: a.title,
        routes: a.routes.size === available.length ? 'all' : [...a.routes].join(', '),
        profiles: [...a.profiles].join(', '),
        says: [...a.values].slice(0, 3).join(' | '),
      })),
    );
  const skipped = results.filter((r) => !r.available);
  if (skipped.length > 0) console.log(`Not available (404): ${skipped.map((r) => r.path).join(', ')}`);

  console.log(
    `Machine load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end (${os.cpus().length} cores).`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/lighthouse.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        loadAverage: { start: loadAtStart, end: loadAverage() },
        lighthouse: 'npm lighthouse, simulated throttling, mobile form factor',
        runs,
        appliedRuns,
        profiles,
        budgets: Object.fromEntries(
          Object.entries(budgets).map(([p, list]) => [p, list.map(([k, , t]) => `${k} ${t}`)]),
        ),
        routes: results,
      },
      null,
      2,
    ),
  );
  const failedRuns = available.flatMap((r) => profiles.flatMap((p) => r.profiles[p.name]!.failedRuns));
  if (failedRuns.length > 0) {
    console.error(`\n*** ${failedRuns.length} Lighthouse run(s) failed after three tries (see above) ***`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('\n*** LIGHTHOUSE BENCHMARK FAILED ***\n', error);
  process.exitCode = 1;
});
