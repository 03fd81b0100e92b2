import { cache } from 'react';
import type { Answers } from '@/catalogue/forms/types';
import { database } from '@/db/prepare';
import { findDraft } from '@/db/queries/drafts';
import { findSubmissionByDraft } from '@/db/queries/submissions';
import type { Draft } from '@/db/schema';
import { currentSessionHash } from '@/lib/session';

export interface OwnDraft {
  readonly draft: Draft;
  readonly answers: Answers;
  readonly submitted: boolean;
}

/**
 * The draft of `journeyId` that belongs to this browser's session, if any: the apply pages read it, the
 * apply actions write it. Cached per request: a page and its generateMetadata read the same draft once.
 */
export const loadOwnDraft = cache(async (journeyId: string): Promise<OwnDraft | null> => {
  const sessionHash = await currentSessionHash();
  if (!sessionHash) return null;
  const db = await database();
  const draft = await findDraft(db, sessionHash, journeyId);
  if (!draft) return null;
  const submitted = (await findSubmissionByDraft(db, draft.id)) !== undefined;
  return { draft, answers: draft.answers as Answers, submitted };
});
