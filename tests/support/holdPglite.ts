import { connect } from '@/db/client';

// A process that opens the PGlite directory in PGLITE_DIR and holds it until it is killed
// (tests/unit/dbLock.test.ts SIGKILLs it to leave a stale lock behind).
const conn = connect();
void conn.migrate().then(() => {
  process.stdout.write('holding\n');
  setInterval(() => undefined, 60_000);
});
