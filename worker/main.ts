import { connect } from '@/db/client';
import { startRelayLoop } from './loop';

// `npm run worker`: the outbox relay as its own process, for PostgreSQL (several may run at once). With
// PGlite the portal runs the relay in-process instead (instrumentation.ts).
async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      'npm run worker needs DATABASE_URL (PostgreSQL); with PGlite the portal delivers in-process.',
    );
    process.exit(1);
  }
  // Migrations are the portal's (or `npm run db:migrate`'s) job: two processes migrating at once would race.
  const conn = connect();
  const stop = startRelayLoop(conn.db);
  console.log('Outbox relay running.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      void conn.close().then(() => process.exit(0));
    });
  }
}

void main();
