import type { Metadata } from 'next';
import { AssistBanner } from '@/components/AssistBanner';
import { redirect } from 'next/navigation';
import { isComplete, sectionStatuses } from '@/catalogue/forms/flow';
import { PageShell } from '@/components/layout/PageShell';
import { formatDate } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { formatCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { requireDraft } from './draft';

type Props = PageProps<'/[locale]/apply/[journeyId]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'apply.task').text('title') };
}

/** The task list: each part of the application with its status, and the code to continue elsewhere. */
export default async function TaskListPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { journey, draft, answers } = await requireDraft(locale, (await params).journeyId);
  if (!draft.consentedAt) redirect(localePath(locale, paths.consent(journey.id)));
  const t = getT(locale, 'apply.task');
  const procedures = getT(locale, 'catalogue.procedures');
  const complete = isComplete(journey, answers);

  return (
    <PageShell
      locale={locale}
      path={paths.tasks(journey.id)}
      crumbs={[
        { href: localePath(locale, paths.apply(journey.id)), label: procedures(`${journey.id}.title`) },
      ]}
      messageKeys={['apply.task', `catalogue.procedures.${journey.id}`]}
    >
      {draft.assistedBy && <AssistBanner locale={locale} />}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 text-lg">{procedures(`${journey.id}.title`)}</p>
      <p className="mt-2">{t('intro')}</p>
      <ol className="mt-6 divide-y divide-slate-300 border-y border-slate-300">
        {sectionStatuses(journey, answers).map(({ section, status, firstOpen }) => (
          <li key={section.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            {firstOpen ? (
              <a
                href={localePath(locale, paths.question(journey.id, firstOpen))}
                className="text-lg font-bold"
                aria-describedby={`status-${section.id}`}
              >
                {t(`sections.${section.id}` as KeyIn<'apply.task'>)}
              </a>
            ) : (
              <span className="text-lg font-bold">{t(`sections.${section.id}` as KeyIn<'apply.task'>)}</span>
            )}
            <span
              id={`status-${section.id}`}
              className={`rounded px-2 py-0.5 text-sm font-bold ${status === 'completed' ? 'bg-slate-800 text-white' : 'bg-blue-100 text-blue-950'}`}
            >
              {t(`status.${status}`)}
            </span>
          </li>
        ))}
      </ol>
      {complete ? (
        <p className="mt-6">
          <a
            href={localePath(locale, paths.check(journey.id))}
            className="inline-flex min-h-12 items-center rounded bg-green-800 px-5 text-lg font-bold text-white no-underline hover:bg-green-900"
          >
            {t('check')}
          </a>
        </p>
      ) : (
        <p className="mt-6">{t('notReady')}</p>
      )}
      <div className="mt-8 border-l-4 border-brand bg-slate-50 p-4">
        <p className="text-lg font-bold">{t('resumeCode', { code: formatCode(draft.resumeCode) })}</p>
        <p>{t('resumeHint', { date: formatDate(draft.expiresAt, locale) })}</p>
      </div>
    </PageShell>
  );
}
