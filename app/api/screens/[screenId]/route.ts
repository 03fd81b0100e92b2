import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { findScreen } from '@/db/queries/screens';

export const dynamic = 'force-dynamic';

/**
 * Whether an office screen is set up: 204 or 404, nothing else. Asked by the proxy before it lets a screen
 * page through, so an unknown screen gets the real not-found page with a 404 — a page's own notFound()
 * renders blank without JavaScript (docs/adr/0005) — while the proxy itself never touches the database.
 */
export async function GET(_request: Request, { params }: RouteContext<'/api/screens/[screenId]'>) {
  await prepareDatabase();
  const screen = await findScreen(connection().db, (await params).screenId);
  return new Response(null, { status: screen ? 204 : 404, headers: { 'cache-control': 'no-store' } });
}
