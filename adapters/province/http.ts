import type { z } from 'zod';
import { tokenResponse } from './dto';
import { errorForStatus, ProvinceRetryableError } from './errors';
import { sign } from './signing';

export interface ProvinceClientConfig {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly signingSecret: string;
  /** Per request; a slow back end is a retryable failure, not a hung worker. */
  readonly timeoutMs: number;
}

/**
 * The HTTP transport of the provincial back end's contract (docs/province-contract.md): signing, the
 * bearer token, timeouts, and every answer parsed with its schema. Raw DTOs in and out; only index.ts
 * uses it.
 */
export function createProvinceHttp(config: ProvinceClientConfig) {
  let token: { value: string; expiresAt: number } | undefined;

  async function send(method: 'GET' | 'POST', path: string, text: string, idempotencyKey?: string) {
    const timestamp = String(Date.now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': sign(config.signingSecret, timestamp, text),
    };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (path !== '/oauth/token') headers.authorization = `Bearer ${await accessToken()}`;
    try {
      return await fetch(`${config.baseUrl}${path}`, {
        method,
        headers,
        body: method === 'POST' ? text : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      // Timeouts, refused and reset connections: the request may or may not have been acted on.
      throw new ProvinceRetryableError(`No answer from the back end: ${(error as Error).message}`);
    }
  }

  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<z.infer<S>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    let response = await send(method, path, text, idempotencyKey);
    if (response.status === 401 && path !== '/oauth/token') {
      // A back end that restarted or rotated its tokens no longer knows ours: a new token, the same call
      // once more (same Idempotency-Key, so nothing is done twice). A second 401 is a retryable failure.
      await response.body?.cancel();
      token = undefined;
      response = await send(method, path, text, idempotencyKey);
      if (response.status === 401) token = undefined;
    }
    const raw = await response.text().catch(() => '');
    if (!response.ok) throw errorForStatus(response.status, raw, response.headers.get('retry-after'));
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ProvinceRetryableError('Unreadable answer from the back end');
    }
    const parsed = schema.safeParse(json);
    // The request was acted on but the answer is not what the contract says: asked again under the same key.
    if (!parsed.success) throw new ProvinceRetryableError(`Unexpected answer from the back end to ${path}`);
    return parsed.data;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 30_000) return token.value;
    const dto = await call('POST', '/oauth/token', tokenResponse, {
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    token = { value: dto.access_token, expiresAt: Date.now() + dto.expires_in * 1000 };
    return token.value;
  }

  return { call };
}
