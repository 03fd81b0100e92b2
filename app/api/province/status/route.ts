import {
  provinceSettings,
  statusReport,
  timestampFresh,
  toDossierStatus,
  verifySignature as verify,
} from '@/adapters/province';
import { recordProvinceStatus } from '@/db/queries/tracking';
import { database } from '@/db/prepare';
import { readBounded } from '@/lib/boundedBody';
import { requestLogger } from '@/lib/log';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Status pushes from the province (docs/province-contract.md): the same body as `GET /dossiers/{code}`,
 * signed like our requests to them — HMAC-SHA256 of `<timestamp>.<body>` with PROVINCE_WEBHOOK_SECRET in
 * X-Signature, X-Timestamp within 5 minutes. Safe to repeat: every status is stored once (unique key), so
 * a replay inside the window changes nothing, and an older report never moves a status backwards.
 */
export async function POST(request: Request) {
  const secret = provinceSettings().webhookSecret;
  const logger = requestLogger(request.headers);
  // Refusals are logged without the body: a status report names a dossier, which belongs to a person.
  const refuse = (status: number, error: string) => {
    logger.warn({ status, error }, 'Status push refused');
    return Response.json({ error }, { status });
  };
  // What can be judged without the body is judged first: a stale or missing timestamp, a malformed
  // signature, a declared size past the cap. Then the body is read only up to the cap (lib/boundedBody.ts).
  const timestamp = request.headers.get('x-timestamp') ?? '';
  const signature = request.headers.get('x-signature') ?? '';
  if (!timestampFresh(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return refuse(401, 'bad signature');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return refuse(413, 'body too large');
  }
  const read = await readBounded(request.body, MAX_BODY_BYTES);
  if (!read.ok) return refuse(413, 'body too large');
  const body = read.text;
  if (!verify(secret, timestamp, body, signature)) {
    return refuse(401, 'bad signature');
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, 'not JSON');
  }
  const parsed = statusReport.safeParse(json);
  if (!parsed.success) return refuse(400, 'not a status report');
  const result = await recordProvinceStatus(await database(), toDossierStatus(parsed.data), 'webhook');
  if (!result.found) return refuse(404, 'unknown dossier');
  logger.info({ provinceStatus: parsed.data.TrangThaiHoSo, recorded: result.added }, 'Status push recorded');
  return Response.json({ recorded: result.added });
}
