import { readBounded } from '@/lib/boundedBody';
import { DEVICE_COOKIE, parseDeviceCookie } from '@/lib/staff/devices';

/**
 * What the helper app's versioned endpoints (docs/adr/0029) read from a request: the device cookie, and
 * a JSON body of bounded size. JSON only: a cross-site form cannot send it without a CORS preflight,
 * which the portal never grants, and the device cookie is SameSite=Lax besides.
 */
export function deviceOf(request: Request) {
  const cookie = request.headers
    .get('cookie')
    ?.split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${DEVICE_COOKIE}=`));
  return parseDeviceCookie(cookie?.slice(DEVICE_COOKIE.length + 1));
}

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
