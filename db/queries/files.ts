import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { uploadedFiles } from '../schema';

type StoredFile = typeof uploadedFiles.$inferSelect;

export async function storeFile(
  db: Database,
  file: {
    draftId: string;
    questionId: string;
    fileName: string;
    mimeType: 'image/jpeg' | 'image/png' | 'application/pdf';
    size: number;
    sha256: string;
    content: Uint8Array;
    sensitive: boolean;
  },
): Promise<string> {
  const [row] = await db.insert(uploadedFiles).values(file).returning({ id: uploadedFiles.id });
  return row!.id;
}

/** A file, only if it belongs to the given draft: the caller has already proved the draft is theirs. */
export async function findOwnFile(db: Database, fileId: string, draftIds: readonly string[]) {
  const [row] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, fileId)).limit(1);
  return row && draftIds.includes(row.draftId) ? row : undefined;
}

/** The files kept for a draft (or an offline dossier's client UUID), without their content. */
export function filesOfDraft(db: Database, draftId: string) {
  return db
    .select({
      id: uploadedFiles.id,
      questionId: uploadedFiles.questionId,
      fileName: uploadedFiles.fileName,
      size: uploadedFiles.size,
    })
    .from(uploadedFiles)
    .where(eq(uploadedFiles.draftId, draftId));
}

export async function deleteFilesFor(db: Database, draftId: string, questionId: string) {
  await db
    .delete(uploadedFiles)
    .where(and(eq(uploadedFiles.draftId, draftId), eq(uploadedFiles.questionId, questionId)));
}

/**
 * A stored file as the HTTP response that serves it, to its owner (/api/files) or to the desk
 * (/api/staff/files): its checked type, never sniffed, never cached.
 */
export function fileResponse(file: Pick<StoredFile, 'content' | 'mimeType'>): Response {
  const extension = file.mimeType === 'application/pdf' ? 'pdf' : file.mimeType.split('/')[1];
  return new Response(Buffer.from(file.content), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `inline; filename="file.${extension}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
