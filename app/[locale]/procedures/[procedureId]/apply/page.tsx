import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { bundlesContaining, findProcedure, procedures } from '@/catalogue';
import { findJourney } from '@/catalogue/forms/journeys';
import { visibleQuestions } from '@/catalogue/forms/flow';
import { ActionForm } from '@/components/forms/ActionForm';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { startApplication } from './actions';

export function generateStaticParams() {
  return locales.flatMap((locale) => procedures.map((p) => ({ locale, procedureId: p.id })));
}
export const dynamicParams = false;

type Props = PageProps<'/[locale]/procedures/[procedureId]/apply'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const { procedureId } = await params;
  const procedure = getT(locale, 'catalogue.procedures').text(`${procedureId as 'register-birth'}.title`);
  return findJourney(procedureId)
    ? { title: getT(locale, 'apply.start').text('title', { procedure }) }
    : { title: getT(locale, 'comingSoon').text('title') };
}

/** The start page of an application (GOV.UK pattern), or an honest "not online on its own" page. */
export default async function ApplyStartPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { procedureId } = await params;
  const procedure = findProcedure(procedureId);
  if (!procedure) notFound();
  setRequestLocale(locale);
  const texts = getT(locale, 'catalogue.procedures');
  const guide = localePath(locale, paths.procedure(procedure.id));
  const journey = findJourney(procedure.id);
  const crumbs = [{ href: guide, label: texts(`${procedure.id}.title`) }];

  if (!journey) {
    const soon = getT(locale, 'comingSoon');
    const start = getT(locale, 'apply.start');
    const bundle = bundlesContaining(procedure.id)[0];
    return (
      <PageShell
        locale={locale}
        path={paths.apply(procedure.id)}
        crumbs={crumbs}
        messageKeys={['comingSoon', 'apply.start', `catalogue.procedures.${procedure.id}`]}
      >
        <h1 className="text-3xl">{soon('title')}</h1>
        {bundle ? (
          <p className="mt-3 text-lg">
            {start('notOnline', { bundle: texts.text(`${bundle.id}.title`) })}{' '}
            <a href={localePath(locale, paths.apply(bundle.id))}>{texts(`${bundle.id}.title`)}</a>
          </p>
        ) : (
          <p className="mt-3 text-lg">{soon('body', { procedure: texts.text(`${procedure.id}.title`) })}</p>
        )}
        <p className="mt-3">{soon('whatNow')}</p>
        <p className="mt-6">
          <a href={guide} className="text-lg font-bold">
            {soon('back')}
          </a>
        </p>
      </PageShell>
    );
  }

  const t = getT(locale, 'apply.start');
  // About half a minute a question, rounded up to whole minutes.
  const minutes = Math.max(3, Math.ceil(visibleQuestions(journey, {}).length / 2));
  return (
    <PageShell
      locale={locale}
      path={paths.apply(procedure.id)}
      crumbs={crumbs}
      messageKeys={['apply.start', `catalogue.procedures.${procedure.id}`]}
    >
      <h1 className="text-3xl">{t('title', { procedure: texts.text(`${procedure.id}.title`) })}</h1>
      <p className="mt-3 text-lg">{t('intro', { minutes })}</p>
      <p className="mt-4 font-bold">{t('youNeed')}</p>
      <ul className="mt-1 list-disc pl-6">
        <li>{t('needIds')}</li>
        <li>{t('needPhone')}</li>
        <li>{t('needDocuments')}</li>
      </ul>
      <p className="mt-4">{t('saved')}</p>
      <ActionForm locale={locale} action={startApplication} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="journeyId" value={journey.id} />
        <SubmitButton>{t('button')}</SubmitButton>
      </ActionForm>
      <p className="mt-6">
        <a href={localePath(locale, paths.resume())}>{t('resumeLink')}</a>
      </p>
    </PageShell>
  );
}
