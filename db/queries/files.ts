import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { uploadedFiles } from '../schema';

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

export async function deleteFilesFor(db: Database, draftId: string, questionId: string) {
  await db
    .delete(uploadedFiles)
    .where(and(eq(uploadedFiles.draftId, draftId), eq(uploadedFiles.questionId, questionId)));
}
