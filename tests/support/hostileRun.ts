import { spawn, type ChildProcess } from 'node:child_process';
import type { BrowserContext } from '@playwright/test';
import { findJourney } from '@/catalogue/forms/journeys';
import type { Question } from '@/catalogue/forms/types';
import { fieldNames } from '@/catalogue/forms/validate';
import { badStoredText } from './hostile';

/**
 * Drives a portal started here (`next start`, its own in-memory PGlite, stdout and stderr captured) with
 * form posts shaped as a browser without JavaScript sends them: the question page's hidden fields
 * (locale, journey, question, React's `$ACTION_ID_…`) plus the answer, multipart, to the page's address.
 * Used by tests/e2e/hostile.spec.ts (a sample) and scripts/hostileRun.ts (`npm run test:hostile`, all).
 */

/** Personal values sent with a NUL byte: a 500 used to print them, in the failed query's parameters. */
export const PERSONAL = { name: 'Vàng Chỉn Sè', cid: '002040123456', phone: '0987 654 321' } as const;
export const personalCases = [
  `${PERSONAL.name}\u0000`,
  `${PERSONAL.cid}\u0000`,
  `${PERSONAL.phone}\u0000`,
  `${PERSONAL.name}\n\u0000${PERSONAL.cid}`,
];

export interface Portal {
  readonly baseURL: string;
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL to every process of the portal, as a power cut would; resolves when none is left. */
  kill(): Promise<void>;
}

/** A portal of its own on `port`: in-memory PGlite and no outbox relay unless `overrides` say otherwise. */
export async function startPortal(port: number, overrides: Record<string, string> = {}): Promise<Portal> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  let output = '';
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port)], {
    env: {
      ...env,
      PGLITE_DIR: 'memory://',
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      OUTBOX_RELAY: 'off',
      SUBMIT_LIMIT: '100000',
      LOG_LEVEL: 'debug',
      ...overrides,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await fetch(`${baseURL}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      // Not left running (detached, it would outlive the test and hold the port for the next run).
      if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
      throw new Error(`The portal did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseURL,
    output: () => output,
    stop: async () => {
      if (!server.pid || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-server.pid!, signal);
        } catch {
          // The group has already gone.
        }
      };
      killGroup('SIGTERM');
      // next start can take long to close its connections: at most 5 s, then the whole group is killed.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      killGroup('SIGKILL');
    },
    kill: async () => {
      if (!server.pid) return;
      const gone = () => {
        try {
          process.kill(-server.pid!, 0);
          return false;
        } catch {
          return true;
        }
      };
      if (!gone()) process.kill(-server.pid, 'SIGKILL');
      // Until the kernel has reaped them all: a restart must find the database directory's holder dead.
      while (!gone()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

export interface RunCounts {
  posts: number;
  serverErrors: string[];
  badStored: string[];
  statuses: Record<number, number>;
}

/** Starts an application of `journeyId` in the context (consent given) without a browser page's scripts. */
export async function startApplication(context: BrowserContext, journeyId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`/vi/procedures/${journeyId}/apply`);
  await page.getByRole('button', { name: /Bắt đầu/ }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.waitForURL(/\/q\//);
  await page.close();
}

/** Posts every string into the question's fields (all of them at once), checking each answer's status and
 * what the page shows back (the stored answer, or the refused attempt kept to show again). */
export async function postHostile(
  context: BrowserContext,
  journeyId: string,
  question: Question,
  strings: readonly string[],
  counts: RunCounts,
): Promise<void> {
  const page = await context.newPage();
  const address = `/vi/apply/${journeyId}/q/${question.id}`;
  await page.goto(address);
  const hidden = await page
    .locator('form:has(input[name="questionId"]) input[type="hidden"]')
    .evaluateAll((inputs) =>
      inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
    );
  const fields = fieldNames(question);
  const shown = question.kind !== 'choice' && question.kind !== 'commune' && question.kind !== 'file';
  for (const hostile of strings) {
    const multipart: Record<string, string> = Object.fromEntries(hidden);
    for (const field of fields) multipart[field] = hostile;
    const response = await context.request.post(address, { multipart, maxRedirects: 5 });
    counts.posts += 1;
    counts.statuses[response.status()] = (counts.statuses[response.status()] ?? 0) + 1;
    if (response.status() >= 500)
      counts.serverErrors.push(`${question.id}: ${JSON.stringify(hostile).slice(0, 80)}`);
    if (!shown) continue;
    await page.goto(address);
    for (const field of fields) {
      const value = await page.locator(`[name="${field}"]`).first().inputValue();
      const bad = badStoredText(value);
      if (bad)
        counts.badStored.push(`${question.id} ${field}: ${bad} from ${JSON.stringify(hostile).slice(0, 60)}`);
    }
  }
  await page.close();
}

/** The questions of a journey a hostile run fills in (files are the uploads helper's). */
export function textQuestions(journeyId: string): Question[] {
  return findJourney(journeyId)!
    .sections.flatMap((s) => s.questions)
    .filter((q) => q.kind !== 'file' && q.when === undefined);
}
