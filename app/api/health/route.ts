import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { countCommunes } from '@/db/queries/communes';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: the database answers and the seed is in place. Used by scripts and tests. */
export async function GET() {
  try {
    await prepareDatabase();
    const communes = await countCommunes(connection().db);
    return Response.json({ status: 'ok', driver: connection().driver, communes });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
