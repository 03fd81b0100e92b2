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
