import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { countCommunes } from '@/db/queries/communes';
import { requestLogger } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: the database answers and the seed is in place. Used by scripts and tests. */
export async function GET(request: Request) {
  try {
    await prepareDatabase();
    const communes = await countCommunes(connection().db);
    return Response.json({ status: 'ok', driver: connection().driver, communes });
  } catch (error) {
    requestLogger(request.headers).error({ err: error }, 'Health check failed');
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
