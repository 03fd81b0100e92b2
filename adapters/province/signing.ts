import { createHmac, timingSafeEqual } from 'node:crypto';

/** Requests are signed: HMAC-SHA256 over `<timestamp>.<body>`, hex, in X-Signature with X-Timestamp. */
export function sign(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Checks a signature and that the timestamp is within `skewMs` of now (replays are refused). */
export function verify(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  skewMs = 5 * 60_000,
): boolean {
  if (!timestampFresh(timestamp, skewMs)) return false;
  const expected = Buffer.from(sign(secret, timestamp, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Is `timestamp` (milliseconds since the epoch) within `skewMs` of now? Checkable before any body is read. */
export function timestampFresh(timestamp: string, skewMs = 5 * 60_000): boolean {
  const age = Math.abs(Date.now() - Number(timestamp));
  return timestamp !== '' && Number.isFinite(age) && age <= skewMs;
}
