import { notFound, redirect } from 'next/navigation';
import type { Locale } from '@/i18n/locales';
import { journeyOrNull } from '@/lib/application/journeys';
import { loadOwnDraft, type OwnDraft } from '@/lib/application/drafts';
import { requireAssistant } from '@/lib/assistGate';
import { localePath, paths } from '@/lib/paths';

/**
 * For the apply pages: the journey and this browser's draft for it. No draft (expired, other browser)
 * goes to the resume page, which explains; a submitted one goes to its confirmation.
 */
export async function requireDraft(locale: Locale, journeyId: string, options: { submitted?: boolean } = {}) {
  const journey = journeyOrNull(journeyId);
  if (!journey) notFound();
  const own: OwnDraft | null = await loadOwnDraft(journey.id);
  if (!own) redirect(localePath(locale, `${paths.resume()}?expired=${journey.id}`));
  if (own.submitted && !options.submitted) redirect(localePath(locale, paths.confirmation(journey.id)));
  if (!own.submitted && options.submitted) redirect(localePath(locale, paths.tasks(journey.id)));
  const assistant = await requireAssistant(locale, own.draft);
  return { journey, ...own, assistant };
}
