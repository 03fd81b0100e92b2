import { connection } from './client';
import { seed } from './seed';

let prepared: Promise<void> | undefined;

/** Applies committed migrations and the seed once per process, before the first request is served. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    const conn = connection();
    await conn.migrate();
    await seed(conn.db);
  })();
  return prepared;
}
