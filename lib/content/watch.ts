import { randomBytes, timingSafeEqual } from 'node:crypto';
import postgres from 'postgres';
import type { Database } from '@/db/client';
import { CONTENT_CHANNEL, contentGeneration } from '@/db/queries/content';
import { env } from '@/lib/env';
import { log as rootLog } from '@/lib/log';
import { loadTranslations } from './translations';

/**
 * Every instance keeps its own pages in step with what is published (docs/adr/0030). It looks at the
 * content's generation (db/queries/content.ts) when PostgreSQL notifies a publication, every
 * CONTENT_POLL_SECONDS in case a notification was missed or a scheduled one came due, and once at start
 * (pages were built before the database was read); when it changed, it revalidates this instance's
 * cache, which lives in its memory only (next.config.ts: isrFlushToDisk), after laying the published
 * translations over its messages. Next.js revalidates only inside a request, so the watcher asks its own
 * server, on loopback, with a secret that never leaves the process (app/api/internal/content/route.ts).
 */

const holder = globalThis as unknown as { motcuaRevalidationSecret?: string };

function secret(): string {
  holder.motcuaRevalidationSecret ??= randomBytes(32).toString('hex');
  return holder.motcuaRevalidationSecret;
}

export const REVALIDATION_HEADER = 'x-motcua-revalidate';

/** Whether a request carries this process's secret (and so comes from its own watcher). */
export function isOwnRevalidation(given: string | null): boolean {
  const expected = holder.motcuaRevalidationSecret;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function askOwnServer(): Promise<boolean> {
  const port = process.env.PORT ?? '3000';
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/internal/content`, {
      method: 'POST',
      headers: { [REVALIDATION_HEADER]: secret() },
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok;
  } catch {
    // Not listening yet (the first look runs while the server starts): the next look tries again.
    return false;
  }
}

/**
 * `run`, one call at a time: a call while one is running is not dropped (a notification arriving during
 * a poll's look) but runs once more after it, however many came meanwhile.
 */
export function serialised(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const call = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => (running = null));
    await running;
    if (again) {
      again = false;
      await call();
    }
  };
  return call;
}

export function startContentWatch(db: Database, databaseUrl: string | undefined) {
  const log = rootLog.child({ component: 'content-watch' });
  // null until the first look, which revalidates whatever it finds: pages were built before any database
  // was read, and what an earlier run of this instance rendered is gone with its memory.
  let seen: string | null = null;
  const look = serialised(async () => {
    try {
      const generation = await contentGeneration(db);
      const changed = generation !== seen;
      // Published translations are laid over the messages in memory, before the pages render again.
      if (changed) await loadTranslations(db);
      if (!changed || (await askOwnServer())) {
        if (changed) log.info({ generation }, 'Published content changed: pages revalidated');
        seen = generation;
      }
    } catch (error) {
      log.warn({ err: error }, 'Could not look at published content');
    }
  });
  const first = setInterval(() => {
    // Quickly at start, until the first look has found the server; then at the stated pace.
    if (seen !== null) clearInterval(first);
    else void look();
  }, 1_000);
  first.unref();
  setInterval(() => void look(), env().CONTENT_POLL_SECONDS * 1_000).unref();
  if (databaseUrl) {
    // Its own connection: LISTEN holds one for good. postgres.js listens again after a reconnect.
    const listener = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    listener
      .listen(
        CONTENT_CHANNEL,
        () => void look(),
        () => void look(),
      )
      .catch((error: unknown) => {
        log.warn({ err: error }, 'Could not listen for published content; polling only');
      });
  }
}
