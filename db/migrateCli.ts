import { connect } from './client';
import { seed } from './seed';

// `npm run db:migrate`: apply migrations and seed outside the server, e.g. before several workers start.
const conn = connect();
await conn.migrate();
await seed(conn.db);
console.log(`Migrated and seeded (${conn.driver}).`);
await conn.close();
