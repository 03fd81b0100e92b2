import type { Server } from '@tus/server';
import { database } from '@/db/prepare';
import { env } from '@/lib/env';
import { helperUploadServer } from '@/lib/helperUploads';

export const dynamic = 'force-dynamic';

let server: Server | null = null;
const tus = () => (server ??= helperUploadServer(database, env().UPLOAD_PARTS_DIR));

/** The tus protocol's methods (docs/adr/0029): create, resume (HEAD), append (PATCH), cancel. */
const handle = (request: Request) => tus().handleWeb(request);
export { handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
