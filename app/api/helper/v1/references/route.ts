import { reserveReferences } from '@/db/queries/offline';
import { randomCode } from '@/lib/codes';
import { fromDevice, json } from '../helperRequest';

export const dynamic = 'force-dynamic';

/**
 * POST: tops this device's block of receipt references up while it is online and returns every unused
 * one it holds (docs/adr/0029), so a slip printed offline carries its final reference.
 */
export async function POST(request: Request) {
  const from = await fromDevice(request);
  if (from instanceof Response) return from;
  const { db, device } = from;
  return json(200, {
    references: await reserveReferences(db, device.id, () => randomCode(), undefined, device.userId),
  });
}
