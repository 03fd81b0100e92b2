import { eq } from 'drizzle-orm';
import { fileResponse, findOwnFile } from '@/db/queries/files';
import { drafts } from '@/db/schema';
import { database } from '@/db/prepare';
import { currentSessionHash } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** An uploaded file, shown only to the browser whose session owns its draft; 404 to everyone else. */
export async function GET(_request: Request, { params }: RouteContext<'/api/files/[fileId]'>) {
  const { fileId } = await params;
  const sessionHash = await currentSessionHash();
  if (!sessionHash || !/^[0-9a-f-]{36}$/.test(fileId)) return new Response('Not found', { status: 404 });
  const db = await database();
  const owned = await db.select({ id: drafts.id }).from(drafts).where(eq(drafts.sessionHash, sessionHash));
  const file = await findOwnFile(
    db,
    fileId,
    owned.map((d) => d.id),
  );
  if (!file) return new Response('Not found', { status: 404 });
  return fileResponse(file);
}
