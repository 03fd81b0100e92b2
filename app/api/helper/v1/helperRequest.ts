import { readBounded } from '@/lib/boundedBody';

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
