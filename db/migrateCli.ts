import { connect } from './client';
import { seed } from './seed';

// `npm run db:migrate`: apply migrations and seed outside the server, e.g. before several workers start.
async function main() {
  const conn = connect();
  await conn.migrate();
  await seed(conn.db);
  console.log(`Migrated and seeded (${conn.driver}).`);
  await conn.close();
}

void main();
