import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, so that the test can
 * restart it without touching the machine's shared server, which other test files use at the same time.
 * Needs the server binaries (Debian's postgresql package, or PG_BIN). PostgreSQL refuses to run as root,
 * so as root every command runs as the `postgres` user through runuser.
 */
const run = promisify(execFile);

const binDir = (
  process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []
).find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
const asRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));

/** Why no private cluster can be started here, or undefined when one can. */
export const pgClusterUnavailable = !binDir
  ? 'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or $PG_BIN'
  : asRoot && !runuser
    ? 'running as root, and runuser (to run PostgreSQL as postgres) is missing'
    : undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type PgCluster = Awaited<ReturnType<typeof startPgCluster>>;

export async function startPgCluster() {
  if (pgClusterUnavailable) throw new Error(pgClusterUnavailable);
  // Under /tmp rather than $TMPDIR: as root the directory must be reachable by the postgres user.
  const dir = mkdtempSync(path.join(asRoot ? '/tmp' : (process.env.TMPDIR ?? '/tmp'), 'motcua-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: string[]) => {
    const binary = path.join(binDir!, tool);
    return asRoot ? run(runuser!, ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
  };
  // fsync off: the data is thrown away, and a restart (unlike a power cut) loses nothing committed anyway.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const ctl = (...args: string[]) =>
    pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', ...args]);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (asRoot) await run('chown', ['postgres', dir]);
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await ctl('-o', serverOptions, 'start');
  } catch (error) {
    remove();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /**
     * A clean restart (as for a configuration change or a minor upgrade): open connections are
     * terminated, the server refuses connections for `downMs`, then accepts them again.
     */
    restart: async (downMs = 0) => {
      await ctl('-m', 'fast', 'stop');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await ctl('-o', serverOptions, 'start');
    },
    stop: async () => {
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      remove();
    },
  };
}
