/**
 * Failures of the provincial back end, split by what the outbox relay must do: retry later (timeouts,
 * dropped connections, 5xx, 429) or stop and ask a person (rejected, other 4xx).
 */
export class ProvinceRetryableError extends Error {
  constructor(
    message: string,
    /** The back end's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
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

export function errorForStatus(status: number, body: string, retryAfter: string | null): Error {
  if (status === 429 || status >= 500) {
    const seconds = retryAfter !== null ? Number(retryAfter) : NaN;
    return new ProvinceRetryableError(
      `Back end answered ${status}`,
      Number.isFinite(seconds) ? seconds * 1000 : undefined,
    );
  }
  return new ProvincePermanentError(`Back end refused (${status}): ${body.slice(0, 200)}`, status);
}
