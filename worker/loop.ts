import { createProvinceClient } from '@/adapters/province/client';
import type { Database } from '@/db/client';
import { deliverDue } from './relay';
import { syncStatuses } from './statusSync';

/**
 * Back-end settings. Development and tests talk to the simulator (`npm run simulator`) with its dev
 * secrets; production must set all four (docs/province-contract.md).
 */
export function provinceClientFromEnv() {
  return createProvinceClient({
    baseUrl: process.env.PROVINCE_BASE_URL ?? 'http://127.0.0.1:4010',
    clientId: process.env.PROVINCE_CLIENT_ID ?? 'motcua',
    clientSecret: process.env.PROVINCE_CLIENT_SECRET ?? 'dev-client-secret',
    signingSecret: process.env.PROVINCE_SIGNING_SECRET ?? 'dev-signing-secret',
    timeoutMs: Number(process.env.PROVINCE_TIMEOUT_MS ?? 10_000),
  });
}

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
  const tick = async () => {
    try {
      // Keep going while there is work, so a backlog drains at full speed.
      while (!stopped && (await deliverDue(db, client, 20, options)).delivered > 0);
      if (!stopped) await syncStatuses(db, client);
    } catch {
      // The database or the back end is unavailable; the rows stay pending and are tried next round.
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
