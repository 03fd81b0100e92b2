import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { DatabaseLockedError } from '@/db/lock';
import { rateLimits } from '@/db/schema';

// Two processes on one PGlite directory each see only their own writes, and one side's are lost when both
// have stopped (issue 13). The directory is one process's for that process's life (docs/adr/0016).
const root = mkdtempSync(path.join(tmpdir(), 'motcua-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
function childEnv(dir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return env;
}

async function addRows(db: ReturnType<typeof connect>['db'], prefix: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db.insert(rateLimits).values({ key: `${prefix}:${i}`, windowStart: new Date(), count: 1 });
  }
}

describe('one process per PGlite directory', () => {
  it('refuses a second process, naming the holder, and the first keeps every write', async () => {
    const dir = path.join(root, 'shared');
    const first = connect({ pgliteDir: dir, databaseUrl: '' });
    await first.migrate();
    await addRows(first.db, 'before', 3);

    const second = spawnSync(tsx, ['db/migrateCli.ts'], { env: childEnv(dir), encoding: 'utf8' });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`pid ${process.pid}`);
    expect(second.stderr).toContain(process.argv[1]);
    // A second opener inside this process is refused too.
    expect(() => connect({ pgliteDir: dir, databaseUrl: '' })).toThrow(DatabaseLockedError);

    await addRows(first.db, 'after', 3);
    await first.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);

    const reopened = connect({ pgliteDir: dir, databaseUrl: '' });
    const [row] = await reopened.db.select({ n: count() }).from(rateLimits);
    await reopened.close();
    expect(row?.n).toBe(6);
  });

  it('takes over the lock of a holder that was SIGKILLed', async () => {
    const dir = path.join(root, 'killed');
    const holder = spawn(tsx, ['tests/support/holdPglite.ts'], { env: childEnv(dir), detached: true });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    expect(() => connect({ pgliteDir: dir, databaseUrl: '' })).toThrow(/in use by another process/);
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    // tsx runs the script in a child of its own: kill the whole group, as a SIGKILLed portal would be.
    process.kill(-holder.pid!, 'SIGKILL');
    await exited;
    // tsx's own process exits first; the node process under it (the lock's holder) dies a moment later,
    // on a loaded machine up to a few hundred milliseconds: take the lock as soon as it is dead.
    let conn: ReturnType<typeof connect> | undefined;
    for (let tries = 0; !conn; tries += 1) {
      try {
        conn = connect({ pgliteDir: dir, databaseUrl: '' });
      } catch (error) {
        if (tries > 50 || !/in use by another process/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await conn.migrate();
    await conn.close();
  });

  it('treats a lock naming a dead pid, or this pid it does not hold, as stale', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const pid of [dead, process.pid]) {
      const dir = path.join(root, `stale-${pid}`);
      writeFileSync(`${dir}.lock`, JSON.stringify({ pid, command: 'next start' }));
      const conn = connect({ pgliteDir: dir, databaseUrl: '' });
      await conn.close();
      expect(existsSync(`${dir}.lock`)).toBe(false);
    }
  });
});
