import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { readBounded } from '@/lib/boundedBody';
import { recordScreenSeen } from '@/db/queries/screens';
import { parsePlaying, playlistVersion } from '@/lib/screens';

export const dynamic = 'force-dynamic';

/** A screen's message is a few dozen bytes. */
const MAX_BODY = 1024;

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/**
 * An office screen is alive (issue 15): it posts what it plays, `{ "playing": "<recording>:<language>" }`,
 * and gets its playlist's version back. Unsigned, as the screen page is public: the most a stranger can
 * do is make a screen look alive. A body that is not that shape is a 400; an unknown screen a 404.
 */
export async function POST(request: Request, { params }: RouteContext<'/api/screens/[screenId]/seen'>) {
  const read = await readBounded(request.body, MAX_BODY);
  if (!read.ok) return json({ error: 'too large' }, 413);
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return json({ error: 'not JSON' }, 400);
  }
  const given = (body as { playing?: unknown } | null)?.playing;
  const playing = given === null ? null : parsePlaying(given);
  if (given !== null && !playing)
    return json({ error: 'playing must be "<video recording>:<language>"' }, 400);
  await prepareDatabase();
  const screen = await recordScreenSeen(
    connection().db,
    (await params).screenId,
    playing && `${playing.recording}:${playing.language}`,
  );
  if (!screen) return json({ error: 'no such screen' }, 404);
  return json({ version: playlistVersion(screen.items) });
}
