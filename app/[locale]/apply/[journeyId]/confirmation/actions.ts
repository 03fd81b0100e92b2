'use server';

import { redirect } from 'next/navigation';
import { satisfactionRatings } from '@/db/schema';
import { database } from '@/db/prepare';
import { loadOwnDraft } from '@/lib/application/drafts';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { target } from '../../applyRequest';

export async function rateService(form: FormData) {
  const { locale, journey } = target(form);
  const rating = Number(formText(form, 'rating'));
  const own = await loadOwnDraft(journey.id);
  if (!own?.submitted) redirect(localePath(locale, paths.tasks(journey.id)));
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    redirect(localePath(locale, `${paths.confirmation(journey.id)}?rating=missing`));
  }
  // Stored with the journey only: no link to the person, the draft or the submission.
  await (await database()).insert(satisfactionRatings).values({ journeyId: journey.id, rating });
  redirect(localePath(locale, `${paths.confirmation(journey.id)}?rating=thanks`));
}
