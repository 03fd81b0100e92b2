'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { createDraft, deleteExpiredDrafts } from '@/db/queries/drafts';
import { database } from '@/db/prepare';
import { journeyVersion } from '@/lib/application/journeys';
import { loadOwnDraft } from '@/lib/application/drafts';
import { randomCode } from '@/lib/codes';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { DRAFT_LIFETIME_DAYS, ensureSessionHash } from '@/lib/session';
import { target } from '../../../apply/applyRequest';

export async function startApplication(form: FormData) {
  const { locale, journey } = target(form);
  const sessionHash = await ensureSessionHash();
  const db = await database();
  await deleteExpiredDrafts(db);
  const existing = await loadOwnDraft(journey.id);
  // Not reopened silently: on a shared device it may be someone else's (in-progress/page.tsx asks).
  if (existing && !existing.submitted) redirect(localePath(locale, paths.inProgress(journey.id)));
  await createDraft(db, {
    sessionHash,
    journeyId: journey.id,
    journeyVersion: journeyVersion(journey),
    resumeCode: randomCode(),
    lifetimeDays: DRAFT_LIFETIME_DAYS,
  });
  requestLogger(await headers()).info({ journeyId: journey.id }, 'Application started');
  redirect(localePath(locale, paths.consent(journey.id)));
}
