'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { createDraft } from '@/db/queries/drafts';
import { isLocale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { journeyOrNull, journeyVersion } from '@/lib/application/journeys';
import { randomCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { DRAFT_LIFETIME_DAYS, newSession } from '@/lib/session';

/**
 * "No, start a new application": on a shared phone or laptop, the person who is not the one who started
 * the unfinished application gets a new session, so nothing the last person's cookie opened can be reached
 * from here again; that person can still go on with their own resume code.
 */
export async function startFreshApplication(form: FormData) {
  const locale = formText(form, 'locale');
  const journey = journeyOrNull(formText(form, 'journeyId'));
  if (!isLocale(locale) || !journey) redirect('/');
  const sessionHash = await newSession();
  await createDraft(await database(), {
    sessionHash,
    journeyId: journey.id,
    journeyVersion: journeyVersion(journey),
    resumeCode: randomCode(),
    lifetimeDays: DRAFT_LIFETIME_DAYS,
  });
  requestLogger(await headers()).info({ journeyId: journey.id, fresh: true }, 'Application started');
  redirect(localePath(locale, paths.consent(journey.id)));
}
