import type { Metadata } from 'next';
import { findJourney } from '@/catalogue/forms/journeys';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { resumeApplication } from './actions';

type Props = PageProps<'/[locale]/apply/resume'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'apply.resume').text('title');
  return (await searchParams).error
    ? { title: `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} ${title}` }
    : { title };
}

/** Continue an application on another device (e.g. the commune's laptop) with the code from the task list. */
export default async function ResumePage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const query = await searchParams;
  const failed = query.error === '1' || query.error === 'limited';
  const message = query.error === 'limited' ? 'limited' : 'notFound';
  const expired = typeof query.expired === 'string' ? findJourney(query.expired) : undefined;
  const t = getT(locale, 'apply.resume');
  const start = getT(locale, 'apply.start');
  const errorsT = getT(locale, 'apply.errors');

  return (
    <PageShell
      locale={locale}
      path={paths.resume()}
      crumbs={[]}
      messageKeys={['apply.resume', 'apply.start', 'apply.errors']}
    >
      {failed && (
        <ErrorSummary title={errorsT('summaryTitle')} errors={[{ field: 'code', message: t(message) }]} />
      )}
      {expired && (
        <div className="mb-6 border-l-4 border-brand bg-slate-50 p-4">
          <p>{start('expired')}</p>
          <p className="mt-2">
            <a href={localePath(locale, paths.apply(expired.id))} className="font-bold">
              {start('button')}
            </a>
          </p>
        </div>
      )}
      <ActionForm locale={locale} action={resumeApplication}>
        <input type="hidden" name="locale" value={locale} />
        <h1 className="text-3xl">
          <label htmlFor="code">{t('title')}</label>
        </h1>
        <p id="code-hint" className="mt-1 text-slate-700">
          {t('hint')}
        </p>
        <div className={`mt-2 ${failed ? 'border-l-4 border-red-700 pl-3' : ''}`}>
          {failed && <FieldError id="code-error">{t(message)}</FieldError>}
          <input
            id="code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            aria-describedby={failed ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={failed || undefined}
            className={`min-h-12 w-full max-w-56 rounded border-2 px-3 font-mono text-xl uppercase tracking-widest ${failed ? 'border-red-700' : 'border-slate-900'}`}
          />
        </div>
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
    </PageShell>
  );
}
