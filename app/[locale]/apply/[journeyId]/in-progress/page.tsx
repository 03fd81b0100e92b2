import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/forms/ActionForm';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { formatDateTime } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { journeyOrNull } from '@/lib/application/journeys';
import { loadOwnDraft } from '@/lib/application/drafts';
import { localePath, paths } from '@/lib/paths';
import { startFreshApplication } from './actions';

type Props = PageProps<'/[locale]/apply/[journeyId]/in-progress'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: getT(await localeFrom(params), 'apply.inProgress').text('title'),
    robots: { index: false },
  };
}

/**
 * "Start" when this browser already holds an unfinished application for the journey: a shared phone or
 * village-hall laptop must not simply reopen the last person's answers. Whose it is stays unsaid (no name,
 * no answer on this page): when it was started and how far it got; the person chooses to go on with it or
 * to start their own under a new session.
 */
export default async function InProgressPage({ params }: Props) {
  const locale = await localeFrom(params);
  const journey = journeyOrNull((await params).journeyId);
  if (!journey) redirect(localePath(locale));
  const own = await loadOwnDraft(journey.id);
  if (!own || own.submitted) redirect(localePath(locale, paths.apply(journey.id)));
  const t = getT(locale, 'apply.inProgress');
  const procedure = getT(locale, 'catalogue.procedures').text(`${journey.id}.title`);

  return (
    <PageShell
      locale={locale}
      path={paths.inProgress(journey.id)}
      crumbs={[]}
      messageKeys={['apply.inProgress', 'catalogue.procedures']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-3 text-lg">
        {t('body', {
          procedure,
          time: formatDateTime(own.draft.createdAt, locale),
          count: Object.keys(own.answers).length,
        })}
      </p>
      <h2 className="mt-6 text-xl">{t('question')}</h2>
      <p className="mt-4">
        <a href={localePath(locale, paths.tasks(journey.id))} className="text-lg font-bold">
          {t('continue')}
        </a>
      </p>
      <ActionForm locale={locale} action={startFreshApplication} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="journeyId" value={journey.id} />
        <p className="mb-2">{t('freshHint')}</p>
        <SubmitButton>{t('fresh')}</SubmitButton>
      </ActionForm>
    </PageShell>
  );
}
