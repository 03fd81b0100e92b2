import { log } from '@/lib/log';
import { connect } from './client';
import { DatabaseLockedError } from './lock';
import { exitLocked } from './prepare';
import { seed } from './seed';

// `npm run db:migrate`: apply migrations and seed outside the server, e.g. before several workers start.
// On a PGlite directory a running portal holds, it refuses: the portal migrates itself at start.
async function main() {
  const conn = connect();
  await conn.migrate();
  await seed(conn.db);
  log.info({ driver: conn.driver }, 'Migrated and seeded');
  await conn.close();
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseLockedError) exitLocked(error);
  throw error;
});
