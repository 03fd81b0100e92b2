import { log } from '@/lib/log';
import { connect } from './client';
import { seed } from './seed';

// `npm run db:migrate`: apply migrations and seed outside the server, e.g. before several workers start.
async function main() {
  const conn = connect();
  await conn.migrate();
  await seed(conn.db);
  log.info({ driver: conn.driver }, 'Migrated and seeded');
  await conn.close();
}

void main();
