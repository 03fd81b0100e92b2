import { env } from '@/lib/env';
import { connection } from './client';
import { DatabaseLockedError } from './lock';
import { seed } from './seed';
import { seedStaff } from './seedStaff';

let prepared: Promise<void> | undefined;

/** Applies committed migrations and the seed once per process, before the first request is served. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    // The first thing a server does: a production start without what it needs stops here (lib/env.ts).
    env();
    const conn = connection();
    await conn.migrate();
    await seed(conn.db);
    await seedStaff(conn.db);
  })().catch((error: unknown) => {
    // Another process holds the PGlite directory: serving beside it would lose one side's writes, so this
    // process stops at once, saying who holds it (docs/adr/0016).
    if (error instanceof DatabaseLockedError) exitLocked(error);
    throw error;
  });
  return prepared;
}

export function exitLocked(error: DatabaseLockedError): never {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

/** The prepared database: what every page, action and route handler reads and writes through. */
export async function database() {
  await prepareDatabase();
  return connection().db;
}
