import { z } from 'zod';
import { deviceDossierStatuses, STATUS_QUERY_MAX } from '@/db/queries/offline';
import { boundedJson, fromDevice, json } from '../helperRequest';

export const dynamic = 'force-dynamic';

const query = z.object({ references: z.array(z.string().max(20)).max(STATUS_QUERY_MAX) }).strict();

/**
 * POST `{ references }`: the province's statuses of the dossiers this device synced (docs/adr/0029), so
 * the helper app shows which ones were sent back for more documents. Another device's references answer
 * nothing.
 */
export async function POST(request: Request) {
  const from = await fromDevice(request);
  if (from instanceof Response) return from;
  const parsed = query.safeParse(parseJson(await boundedJson(request, 16 * 1024)));
  if (!parsed.success) return json(400, { error: 'bad-request' });
  return json(200, {
    statuses: await deviceDossierStatuses(from.db, from.device.id, parsed.data.references),
  });
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
