import { database } from '@/db/prepare';
import { MAX_SYNC_BYTES, syncDossier } from '@/lib/offlineSync';
import { deviceOf } from '@/lib/staff/devices';
import { boundedJson, isJson, json } from '../helperRequest';

export const dynamic = 'force-dynamic';

/**
 * POST one dossier captured offline (docs/adr/0029). Idempotent on its client UUID: the same content
 * again answers 200 with the same receipt; other content under a used UUID 409. `?locale=` picks the
 * language of the messages the helper is shown.
 */
export async function POST(request: Request) {
  if (!isJson(request)) return json(415, { error: 'json-only' });
  const locale = new URL(request.url).searchParams.get('locale') ?? 'vi';
  const db = await database();
  const answer = await syncDossier(db, {
    cookie: deviceOf(request),
    text: await boundedJson(request, MAX_SYNC_BYTES),
    locale,
  });
  return json(answer.status, answer.body);
}
