import { createProvinceClient } from '@/adapters/province/client';
import type { Database } from '@/db/client';
import { deliverDue, sweepSensitiveFiles } from './relay';
import { syncStatuses } from './statusSync';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Back-end settings. On loopback (the simulator, `npm run simulator`) the development secrets are used
 * when none are set; a back end anywhere else needs every secret set, or the process refuses to start
 * rather than send dossiers signed with a published secret (docs/province-contract.md).
 */
export function provinceSettings(env: Readonly<Record<string, string | undefined>> = process.env) {
  const baseUrl = env.PROVINCE_BASE_URL ?? 'http://127.0.0.1:4010';
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) {
    const missing = [
      'PROVINCE_CLIENT_ID',
      'PROVINCE_CLIENT_SECRET',
      'PROVINCE_SIGNING_SECRET',
      'PROVINCE_WEBHOOK_SECRET',
    ].filter((name) => !env[name]);
    if (missing.length) {
      throw new Error(`PROVINCE_BASE_URL is ${baseUrl}, but ${missing.join(', ')} not set.`);
    }
  }
  return {
    baseUrl,
    clientId: env.PROVINCE_CLIENT_ID ?? 'motcua',
    clientSecret: env.PROVINCE_CLIENT_SECRET ?? 'dev-client-secret',
    signingSecret: env.PROVINCE_SIGNING_SECRET ?? 'dev-signing-secret',
    webhookSecret: env.PROVINCE_WEBHOOK_SECRET ?? 'dev-webhook-secret',
    timeoutMs: Number(env.PROVINCE_TIMEOUT_MS ?? 10_000),
  };
}

export function provinceClientFromEnv() {
  return createProvinceClient(provinceSettings());
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
  let ticks = 0;
  const tick = async () => {
    try {
      ticks += 1;
      if (ticks % 300 === 1) await sweepSensitiveFiles(db);
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
