/**
 * The production portal for a bench: `next start` on BENCH_PORT (default 3300) with the provincial
 * back-end simulator beside it on BENCH_SIMULATOR_PORT (default 4300), as playwright.config.ts starts
 * them, and with PostgreSQL the outbox relay as its own process. Nothing is built here: run
 * `npx next build` first. Every process is a direct child (node itself, no npx wrapper in between), so
 * its pid is the one to sample and to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';

export const portalPort = Number(process.env.BENCH_PORT ?? 3300);
export const simulatorPort = Number(process.env.BENCH_SIMULATOR_PORT ?? 4300);
export const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PortalOptions {
  /** PostgreSQL; unset: PGlite in memory with the relay in-process. */
  readonly databaseUrl?: string;
  /** With PostgreSQL, also start the outbox relay (worker/main.ts) as its own process. */
  readonly worker?: boolean;
  /** Extra environment for the portal process. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Portal {
  readonly url: string;
  readonly simulatorUrl: string;
  readonly driver: string;
  /** The `next start` process (it renders in-process: "next-server"). */
  readonly serverPid: number;
  readonly workerPid: number | undefined;
  /** Whether `next start` is still running. */
  alive(): boolean;
  /**
   * Stops whatever is left and starts everything again, fresh (with PGlite: an empty database). For a
   * long bench on a shared machine, where another test run may stop every `next-server` it sees.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Child {
  readonly process: ChildProcess;
  /** The last few KB of its output, for the error message when it dies. */
  readonly tail: () => string;
}

/** Set while a bench stops its processes on purpose, so that their exit is not reported as a crash. */
let stopping = false;

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('error', (error) => {
    tail += `\n${name} could not start: ${error.message}`;
  });
  // A process that dies mid-bench would otherwise show only as refused connections. Exit code 143 is
  // SIGTERM, handled: something outside the bench stopped it.
  child.on('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `\n*** ${name} (pid ${child.pid}) exited unexpectedly (${code ?? signal}); its last output:\n${tail}\n***`,
      );
  });
  return { process: child, tail: () => tail };
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stopChild(child: Child | undefined) {
  if (!child || exited(child.process)) return;
  const done = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  if ((await Promise.race([done, sleep(10_000, 'timeout')])) === 'timeout') child.process.kill('SIGKILL');
}

/** Polls until `ready` resolves true; fails early when the process dies, and after `timeoutMs`. */
async function waitFor(name: string, child: Child, ready: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child.process))
      throw new Error(
        `${name} exited (${child.process.exitCode ?? child.process.signalCode}):\n${child.tail()}`,
      );
    if (await ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${child.tail()}`);
}

interface Running {
  readonly children: Child[];
  readonly server: Child;
  readonly worker: Child | undefined;
  readonly driver: string;
}

async function stopAll(children: readonly Child[]) {
  stopping = true;
  try {
    // The portal first, so the relay does not log a burst of failed deliveries on the way down.
    for (const child of [...children].reverse()) await stopChild(child);
  } finally {
    stopping = false;
  }
}

async function launch(options: PortalOptions, url: string, simulatorUrl: string): Promise<Running> {
  const children: Child[] = [];
  try {
    const simulator = startChild('The simulator', ['--import', 'tsx', 'simulator/main.ts'], {
      ...process.env,
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_STORE: `/tmp/motcua-bench-simulator-${process.pid}.json`,
      SIMULATOR_WEBHOOK_URL: `${url}/api/province/status`,
    });
    children.push(simulator);
    await waitFor('The simulator', simulator, async () => (await fetch(`${simulatorUrl}/admin/stats`)).ok);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      // Required in production (lib/env.ts).
      PUBLIC_ORIGIN: url,
      PROVINCE_BASE_URL: simulatorUrl,
      // Every simulated citizen comes from 127.0.0.1: lift the per-address submission limit.
      SUBMIT_LIMIT: '10000000',
      STAFF_AUTH_SECRET: 'bench-staff-auth-secret-not-secret-0123456789',
      ...options.env,
    };
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.PGLITE_DIR = 'memory://';
    }
    // No `-H`: with a host set, Next.js treats the proxy's not-found rewrite as external (docs/adr/0005).
    const server = startChild(
      'next start',
      ['node_modules/next/dist/bin/next', 'start', '-p', String(portalPort)],
      env,
    );
    children.push(server);
    let driver = '';
    await waitFor('next start', server, async () => {
      const res = await fetch(`${url}/api/health`);
      if (!res.ok) return false;
      driver = ((await res.json()) as { driver: string }).driver;
      return true;
    });

    let worker: Child | undefined;
    if (options.databaseUrl && options.worker) {
      let running = false;
      worker = startChild('The outbox relay', ['--import', 'tsx', 'worker/main.ts'], {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        PROVINCE_BASE_URL: simulatorUrl,
      });
      worker.process.stdout!.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('Outbox relay running')) running = true;
      });
      children.push(worker);
      await waitFor('The outbox relay', worker, async () => running);
    }
    return { children, server, worker, driver };
  } catch (error) {
    await stopAll(children);
    throw error;
  }
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error(
      'No production build in .next: run `PUBLIC_ORIGIN=http://127.0.0.1:3300 npx next build` in this worktree first.',
    );
  const url = `http://127.0.0.1:${portalPort}`;
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  let running = await launch(options, url, simulatorUrl);
  return {
    url,
    simulatorUrl,
    get driver() {
      return running.driver;
    },
    get serverPid() {
      return running.server.process.pid!;
    },
    get workerPid() {
      return running.worker?.process.pid;
    },
    alive: () => !exited(running.server.process),
    restart: async () => {
      await stopAll(running.children);
      running = await launch(options, url, simulatorUrl);
    },
    stop: () => stopAll(running.children),
  };
}

/** Runs `run` against a freshly started portal and stops it afterwards, whatever happens. */
export async function withPortal<T>(options: PortalOptions, run: (portal: Portal) => Promise<T>): Promise<T> {
  const portal = await startPortal(options);
  try {
    return await run(portal);
  } finally {
    await portal.stop();
  }
}

/** Whether the PostgreSQL server at PG_ADMIN_URL answers. */
export async function postgresReachable(): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await admin`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await admin.end({ timeout: 2 });
  }
}

/**
 * An empty database of the run's own (`motcua_bench_<pid>_<label>`), which the portal migrates and seeds
 * as it starts; dropped afterwards whatever happens.
 */
export async function withPostgresDatabase<T>(label: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `motcua_bench_${process.pid}_${label}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
    return await run(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/**
 * The machine's 1-minute load average: on a 2-core machine shared with other test runs, anything above
 * 2 means the bench competed for the cores and its timings are pessimistic.
 */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 10) / 10;
}
