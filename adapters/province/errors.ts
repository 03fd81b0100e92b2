/**
 * Failures of the provincial back end, split by what the outbox relay must do: retry later, or stop and
 * ask a person. This file is the one place that decides which is which (`errorForStatus` for answers,
 * `classify` for anything a delivery throws); the worker only applies the verdict.
 */
export class ProvinceRetryableError extends Error {
  constructor(
    message: string,
    /** The back end's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
    /** The HTTP status, when the back end answered at all. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ProvinceRetryableError';
  }
}

export class ProvincePermanentError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ProvincePermanentError';
  }
}

/**
 * Answers that say "not now" rather than "no": 401 (reaches here only when a fresh token was refused
 * too: a back end that restarts or rotates its secrets, which someone will fix), 408 request timeout,
 * 409 (the same Idempotency-Key's first request is still being processed), 425 too early, 429, and every
 * 5xx. Any other 4xx is the back end refusing this dossier: retrying it would never succeed.
 */
const NOT_NOW = new Set([401, 408, 409, 425, 429]);

export function errorForStatus(
  status: number,
  body: string,
  retryAfter: string | null,
  now = Date.now(),
): ProvinceRetryableError | ProvincePermanentError {
  if (NOT_NOW.has(status) || status >= 500) {
    return new ProvinceRetryableError(`Back end answered ${status}`, retryAfterMs(retryAfter, now), status);
  }
  return new ProvincePermanentError(`Back end refused (${status}): ${body.slice(0, 200)}`, status);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = value ? Date.parse(value) : NaN;
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export type Verdict =
  | { readonly permanent: true; readonly status: number }
  | { readonly permanent: false; readonly retryAfterMs?: number };

/**
 * What a failed delivery means. Only the back end's own refusal is final; anything else — a timeout, a
 * 5xx, or our own database dropping the connection mid-delivery — is tried again.
 */
export function classify(error: unknown): Verdict {
  if (error instanceof ProvincePermanentError) return { permanent: true, status: error.status };
  if (error instanceof ProvinceRetryableError && error.retryAfterMs !== undefined) {
    return { permanent: false, retryAfterMs: error.retryAfterMs };
  }
  return { permanent: false };
}
