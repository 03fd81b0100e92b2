import { connect } from '@/db/client';
import { log } from '@/lib/log';
import { startRelayLoop } from './loop';

// `npm run worker`: the outbox relay as its own process, for PostgreSQL (several may run at once). With
// PGlite the portal runs the relay in-process instead (instrumentation.ts).
async function main() {
  if (!process.env.DATABASE_URL) {
    log.fatal('npm run worker needs DATABASE_URL (PostgreSQL); with PGlite the portal delivers in-process.');
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) => {
    if (!isDroppedTypeQuery(reason)) throw reason;
    log.warn({ err: reason }, 'A new database connection failed while it opened');
  });
  // Migrations are the portal's (or `npm run db:migrate`'s) job: two processes migrating at once would race.
  const conn = connect();
  const stop = startRelayLoop(conn.db);
  // Tests and bench:delivery wait for this message.
  log.info('Outbox relay running.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      void conn.close().then(() => process.exit(0));
    });
  }
}

/**
 * postgres.js 3.4.9 opens each connection with a query of its own (the array types) and drops its promise
 * (porsager/postgres#1192, #1223). If the server goes away during that query, as in a restart or a
 * failover, the rejection is unhandled and Node would end the worker. Nothing is lost by going on: the
 * relay's own query on that connection fails through its own promise and is tried again next round.
 * Any other unhandled rejection still ends the process.
 */
function isDroppedTypeQuery(reason: unknown): boolean {
  return String((reason as { query?: unknown } | null)?.query ?? '').includes('pg_catalog.pg_type');
}

void main();
