import { NextResponse, type NextRequest } from 'next/server';
import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { findScreen } from '@/db/queries/screens';
import { isLocale } from '@/i18n/locales';
import { localePath, paths } from '@/lib/paths';
import { publicOrigin } from '@/lib/qr';

export const dynamic = 'force-dynamic';

/**
 * The address typed once into an office screen's browser: `/screens/<id>` opens the screen in the
 * language configured for it, so changing the language is a database edit, not a visit to the device.
 */
export async function GET(_request: NextRequest, { params }: RouteContext<'/screens/[screenId]'>) {
  const { screenId } = await params;
  await prepareDatabase();
  const screen = await findScreen(connection().db, screenId);
  const path = screen
    ? localePath(isLocale(screen.locale) ? screen.locale : 'vi', paths.screen(screen.id))
    : '/';
  // On PUBLIC_ORIGIN, never the request's host (docs/adr/0016).
  const response = NextResponse.redirect(new URL(path, publicOrigin()), 302);
  response.headers.set('cache-control', 'no-store');
  return response;
}
