import { redirect } from 'next/navigation';
import { isLocale, type Locale } from '@/i18n/locales';
import { journeyOrNull } from '@/lib/application/journeys';
import { loadOwnDraft } from '@/lib/application/drafts';
import { requireAssistant } from '@/lib/assistGate';
import { env } from '@/lib/env';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import type { Limit } from '@/lib/rateLimit';

/** What the apply steps' actions share: the rate limits, and the journey and draft a form names. */
/**
 * Per client address and 15 minutes. SUBMIT_LIMIT / RESUME_LIMIT change them where one address stands for
 * many people (a village hall behind one 4G hotspot, a proxy without XFF) and in the e2e suite.
 */
export const submitLimit = (): Limit => ({ max: env().SUBMIT_LIMIT, windowSeconds: 15 * 60 });
export const resumeLimit = (): Limit => ({ max: env().RESUME_LIMIT, windowSeconds: 15 * 60 });

// Every action re-reads and re-checks what it is given: the hidden fields of a form are user input too.

export function target(form: FormData) {
  const locale = formText(form, 'locale');
  const journey = journeyOrNull(formText(form, 'journeyId'));
  if (!isLocale(locale) || !journey) redirect('/');
  return { locale: locale as Locale, journey };
}

/** An owned, consented, unsubmitted draft, or a redirect to where the person can recover. */
export async function ownDraftOrRedirect(locale: Locale, journeyId: string) {
  const own = await loadOwnDraft(journeyId);
  if (!own) redirect(localePath(locale, `${paths.resume()}?expired=${journeyId}`));
  if (own.submitted) redirect(localePath(locale, paths.confirmation(journeyId)));
  return { ...own, assistant: await requireAssistant(locale, own.draft) };
}
