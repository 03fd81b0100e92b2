import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a whole PostgreSQL inside one process: a second process that opens the same directory sees
 * only its own writes, and whichever closes last overwrites the other's (docs/adr/0016). So the directory
 * is held for the process's whole life through a lock file beside it, `<dir>.lock`, holding the holder's
 * pid and command line, like PostgreSQL's own postmaster.pid. A second opener is refused with a message
 * naming the holder. A lock whose holder is no longer alive (a SIGKILLed portal) is stale and taken over.
 */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

interface Holder {
  readonly pid: number;
  readonly command: string;
}

// The directories this process holds: its own pid in a lock file it did not write is a reused pid.
const held = new Set<string>();

/** Takes the lock on `dir` for this process, or throws DatabaseLockedError naming the holder. */
export function lockDirectory(dir: string): () => void {
  const file = `${path.resolve(dir)}.lock`;
  if (held.has(file)) {
    throw new DatabaseLockedError(
      `The database ${dir} is already open in this process (pid ${process.pid}).`,
    );
  }
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command: process.argv.join(' ') } satisfies Holder));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder.pid)) {
      throw new DatabaseLockedError(
        `The database ${dir} is in use by another process: pid ${holder.pid} (${holder.command}). ` +
          'PGlite serves one process only; stop that process first, or use PostgreSQL (DATABASE_URL) ' +
          `for several. If that process is not a portal, remove ${file}.`,
      );
    }
    // Stale: its holder died without releasing it (or the file is half-written by a crash). Take it over.
    removeFile(file);
  }
  held.add(file);
  const release = () => {
    if (!held.delete(file)) return;
    if (readHolder(file)?.pid === process.pid) removeFile(file);
  };
  // A clean exit releases it even if nobody closed the database; a SIGKILL leaves it, stale, for the next.
  process.once('exit', release);
  return release;
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, command: String(holder.command ?? '') } : null;
  } catch {
    return null;
  }
}

/**
 * Signal 0 checks that a process exists without touching it; EPERM means it exists under another user. A
 * killed process whose parent has not reaped it yet (a zombie, common under a container's PID 1) still
 * exists but holds nothing: Linux says so in /proc/<pid>/stat.
 */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function removeFile(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
