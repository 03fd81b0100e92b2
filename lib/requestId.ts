/** The header that carries a request's id in (from a reverse proxy), downstream (to pages) and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

// What a reverse proxy sends (nginx's $request_id is 32 hex digits, others send UUIDs) and nothing that
// could forge a log line or carry personal data: letters, digits and a few separators, 8 to 128 of them.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** The incoming id when it is well formed, otherwise a new one. Kept free of Node.js APIs for the proxy. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}
