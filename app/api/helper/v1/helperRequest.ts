import type { Database } from '@/db/client';
import { database } from '@/db/prepare';
import type { HelperDevice } from '@/db/schema';
import { readBounded } from '@/lib/boundedBody';
import { syncingDevice } from '@/lib/offlineSync';
import { deviceOf } from '@/lib/staff/devices';

/**
 * What the helper app's versioned endpoints (docs/adr/0029) read from a request: a JSON body of bounded
 * size (the device cookie: `deviceOf`, lib/staff/devices.ts). JSON only: a cross-site form cannot send it without a CORS preflight,
 * which the portal never grants, and the device cookie is SameSite=Lax besides.
 */
export function isJson(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim() === 'application/json';
}

export async function boundedJson(request: Request, maxBytes: number): Promise<string | null> {
  const read = await readBounded(request.body, maxBytes);
  return read.ok ? read.text : null;
}

export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * The enrolled, live device a JSON request comes from, with the database; or the answer that refuses it:
 * 415 for anything but JSON, 401 for no device, 403 for a revoked one.
 */
export async function fromDevice(
  request: Request,
): Promise<{ db: Database; device: HelperDevice } | Response> {
  if (!isJson(request)) return json(415, { error: 'json-only' });
  const db = await database();
  const found = await syncingDevice(db, deviceOf(request));
  if ('refused' in found)
    return json(found.refused === 'device-revoked' ? 403 : 401, { error: found.refused });
  return { db, device: found.device };
}
