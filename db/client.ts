import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { lockDirectory } from './lock';
import * as schema from './schema';

/**
 * The one place that decides the database driver (docs/adr/0002). PGlite and postgres.js expose the same
 * drizzle query builder; callers see one `Database` type and never learn which is behind it.
 */
export type Database = PostgresJsDatabase<typeof schema>;

interface Connection {
  readonly db: Database;
  readonly driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function connect(options: { databaseUrl?: string; pgliteDir?: string } = {}): Connection {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema, casing: 'snake_case' });
    return {
      db,
      driver: 'postgres',
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dataDir = options.pgliteDir ?? env().PGLITE_DIR;
  // PGlite creates its own directory but not the ones above it (`.data` on a fresh clone, when the server
  // is started without `npm run portal`). In-memory URLs (memory://) are not paths.
  // A directory is held by one process for its whole life (db/lock.ts); memory:// is private to its process.
  let unlock = () => {};
  if (!dataDir.includes('://')) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    unlock = lockDirectory(dataDir);
  }
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

// One connection per server process. Kept on globalThis so that dev-mode module reloading does not open
// a second PGlite on the same directory, which PGlite does not allow.
const globalForDb = globalThis as unknown as { motcuaDb?: Connection };

export function connection(): Connection {
  globalForDb.motcuaDb ??= connect();
  return globalForDb.motcuaDb;
}

export function db(): Database {
  return connection().db;
}
