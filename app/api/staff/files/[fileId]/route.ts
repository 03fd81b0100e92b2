import { recordAudit } from '@/db/queries/audit';
import { attachmentWithCommune } from '@/db/queries/desk';
import { fileResponse } from '@/db/queries/files';
import { database } from '@/db/prepare';
import { clientAddress } from '@/lib/rateLimit';
import { staffAuth } from '@/lib/staff/auth';
import { allows } from '@/lib/staff/roles';
import { auditActor, currentStaff } from '@/lib/staff/session';

export const dynamic = 'force-dynamic';

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } });

/**
 * An attachment as the officer's desk opens it (docs/adr/0027): for staff who process the dossier's
 * commune, each opening audited; 404 to anyone else, as if it did not exist. Citizens' own uploads are
 * served by /api/files, to the session that owns the draft.
 */
export async function GET(request: Request, { params }: RouteContext<'/api/staff/files/[fileId]'>) {
  const { fileId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(fileId)) return notFound();
  const db = await database();
  const staff = await currentStaff(db, staffAuth(db), request.headers);
  if (!staff || staff.secondFactorMissing) return notFound();
  const found = await attachmentWithCommune(db, fileId);
  if (!found || !allows(staff.grants, 'dossiers:process', { commune: found.officeCommuneId })) {
    return notFound();
  }
  await recordAudit(db, {
    action: 'attachment-opened',
    ...auditActor(staff),
    submissionId: found.submissionId,
    detail: { fileId, questionId: found.file.questionId },
    clientAddress: await clientAddress(),
  });
  return fileResponse(found.file);
}
