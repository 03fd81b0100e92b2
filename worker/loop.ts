import { provinceClientFromEnv } from '@/adapters/province';
import type { Database } from '@/db/client';
import { log } from '@/lib/log';
import { housekeeping } from './housekeeping';
import { deliverDue, sweepSensitiveFiles } from './relay';
import { syncStatuses } from './statusSync';

/**
 * Polls the outbox every `intervalMs` until stopped, then asks the province for due status changes; a
 * failed round never stops the loop. OUTBOX_LEASE_SECONDS shortens the lease for crash tests.
 */
export function startRelayLoop(db: Database, intervalMs = 1_000) {
  const client = provinceClientFromEnv();
  const options = process.env.OUTBOX_LEASE_SECONDS
    ? { leaseMs: Number(process.env.OUTBOX_LEASE_SECONDS) * 1000 }
    : {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticks = 0;
  // Rounds fail once a second while the database is down: the first failure and the recovery are logged.
  let failedRounds = 0;
  const tick = async () => {
    try {
      ticks += 1;
      if (ticks % 300 === 1) await sweepSensitiveFiles(db);
      if (ticks % 300 === 1) await housekeeping(db);
      // Keep going while there is work, so a backlog drains at full speed.
      while (!stopped && (await deliverDue(db, client, 20, options)).delivered > 0);
      if (!stopped) await syncStatuses(db, client);
      if (failedRounds > 0) log.info({ failedRounds }, 'Relay rounds succeed again');
      failedRounds = 0;
    } catch (error) {
      // The database or the back end is unavailable; the rows stay pending and are tried next round.
      if (failedRounds === 0) log.warn({ err: error }, 'Relay round failed; rows stay pending');
      failedRounds += 1;
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
