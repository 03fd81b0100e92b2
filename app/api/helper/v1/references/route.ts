import { reserveReferences } from '@/db/queries/offline';
import { database } from '@/db/prepare';
import { randomCode } from '@/lib/codes';
import { syncingDevice } from '@/lib/offlineSync';
import { deviceOf } from '@/lib/staff/devices';
import { isJson, json } from '../helperRequest';

export const dynamic = 'force-dynamic';

/**
 * POST: tops this device's block of receipt references up while it is online and returns every unused
 * one it holds (docs/adr/0029), so a slip printed offline carries its final reference.
 */
export async function POST(request: Request) {
  if (!isJson(request)) return json(415, { error: 'json-only' });
  const db = await database();
  const found = await syncingDevice(db, deviceOf(request));
  if ('refused' in found)
    return json(found.refused === 'device-revoked' ? 403 : 401, { error: found.refused });
  return json(200, { references: await reserveReferences(db, found.device.id, () => randomCode()) });
}
