import { notFound } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { resolveShortLink } from '@/catalogue/shortLinks';
import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { recordScan } from '@/db/queries/scans';
import { requestLogger } from '@/lib/log';
import { publicOrigin } from '@/lib/qr';

export const dynamic = 'force-dynamic';

/**
 * A printed QR code or short link: `/q/<code>[/<source>]` counts the scan and sends the reader to the
 * guide in the leaflet's language. 302 rather than 301, so a browser never caches the hop and every scan
 * reaches us (and a code's target may still be corrected). An unknown code never gets here: the proxy
 * answers it with the not-found page, 404 (proxy.ts).
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/q/[...path]'>) {
  const target = resolveShortLink((await params).path);
  if (!target) notFound();
  try {
    await prepareDatabase();
    await recordScan(connection().db, target.code, target.source);
  } catch (error) {
    // The person scanning matters more than the count: send them on even if the database is down.
    requestLogger(request.headers).error({ err: error, code: target.code }, 'QR scan not counted');
  }
  return redirect(target.path);
}

/** Link previews and crawlers ask with HEAD: answer the same, without counting a scan. */
export async function HEAD(_request: NextRequest, { params }: RouteContext<'/q/[...path]'>) {
  const target = resolveShortLink((await params).path);
  if (!target) notFound();
  return redirect(target.path);
}

/** Built on PUBLIC_ORIGIN, never on the request's host (docs/adr/0016): a printed code must lead to the portal. */
function redirect(path: string) {
  const response = NextResponse.redirect(new URL(path, publicOrigin()), 302);
  response.headers.set('cache-control', 'no-store');
  return response;
}
