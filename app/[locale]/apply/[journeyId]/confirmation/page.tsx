import type { Metadata } from 'next';
import type { Duration } from '@/catalogue/types';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { AssistBanner, helpedByText } from '@/components/AssistBanner';
import { PageShell } from '@/components/layout/PageShell';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { formatCode } from '@/lib/codes';
import { liveProcedure } from '@/lib/content/live';
import { localePath, paths } from '@/lib/paths';
import { findSubmissionByDraft } from '@/db/queries/submissions';
import { rateService } from './actions';
import { requireDraft } from '../draft';

type Props = PageProps<'/[locale]/apply/[journeyId]/confirmation'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'apply.confirmation').text('title') };
}

/** Shown after submission and on every refresh: the same receipt, never a second dossier. */
export default async function ConfirmationPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const { journey, draft } = await requireDraft(locale, (await params).journeyId, { submitted: true });
  const submission = (await findSubmissionByDraft(await database(), draft.id))!;
  const rating = (await searchParams).rating;
  const t = getT(locale, 'apply.confirmation');
  const procedureT = getT(locale, 'procedure');
  const procedures = getT(locale, 'catalogue.procedures');
  const errorsT = getT(locale, 'apply.errors');
  const reference = formatCode(submission.reference);
  const duration = (d: Duration) =>
    'amount' in d
      ? procedureT.text(`duration.${d.unit}`, { amount: d.amount })
      : procedureT.text(`duration.${d.unit}`);

  return (
    <PageShell
      locale={locale}
      path={paths.confirmation(journey.id)}
      messageKeys={['apply.confirmation', 'catalogue.procedures', 'procedure.duration']}
    >
      {draft.assistedBy && <AssistBanner locale={locale} />}
      {rating === 'missing' && (
        <ErrorSummary
          title={errorsT('summaryTitle')}
          errors={[{ field: 'rating-5', message: t('ratingError') }]}
        />
      )}
      <div className="rounded bg-green-800 p-6 text-white">
        <h1 className="text-3xl">{t('title')}</h1>
        <p className="mt-3 text-lg">{t('reference')}</p>
        <p
          className="mt-1 font-mono text-4xl font-bold tracking-widest"
          data-reference={submission.reference}
        >
          {reference}
        </p>
        <p className="mt-2 text-sm">{t('referenceHint', { spelled: [...submission.reference].join(' ') })}</p>
        {submission.helperName && <p className="mt-3">{helpedByText(locale, submission)}</p>}
      </div>

      <h2 className="mt-8 text-2xl">{t('next')}</h2>
      <p className="mt-2">{t('nextBody')}</p>
      <ul className="mt-2 list-disc pl-6">
        {(
          await Promise.all(journey.procedures.map(async (id) => [id, await liveProcedure(id)] as const))
        ).map(([id, procedure]) => (
          <li key={id}>
            {t('timeLimit', {
              procedure: procedures.text(`${id as 'register-birth'}.title`),
              duration: procedure ? duration(procedure.processingTime.value) : '',
            })}
          </li>
        ))}
      </ul>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <a
          href={localePath(locale, paths.receipt(submission.reference, submission.trackingKey ?? undefined))}
          className="text-lg font-bold"
        >
          {t('print')}
        </a>
        <a
          href={localePath(locale, paths.track(submission.reference, submission.trackingKey ?? undefined))}
          className="text-lg font-bold"
        >
          {t('track')}
        </a>
      </p>
      <p className="mt-1 text-slate-700">{t('trackHint')}</p>

      <section className="mt-10 border-t border-slate-300 pt-6" aria-labelledby="rating-title">
        {rating === 'thanks' ? (
          <p className="text-lg font-bold" role="status">
            {t('ratingThanks')}
          </p>
        ) : (
          <ActionForm locale={locale} action={rateService}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="journeyId" value={journey.id} />
            <fieldset aria-describedby="rating-hint">
              <legend id="rating-title" className="text-xl font-bold">
                {t('ratingTitle')}
              </legend>
              <p id="rating-hint" className="text-slate-700">
                {t('ratingHint')}
              </p>
              {rating === 'missing' && <FieldError id="rating-error">{t('ratingError')}</FieldError>}
              <div className="mt-2 space-y-2">
                {(['5', '4', '3', '2', '1'] as const).map((value) => (
                  <div key={value} className="flex items-center gap-3">
                    <input
                      type="radio"
                      id={`rating-${value}`}
                      name="rating"
                      value={value}
                      className="size-7 accent-brand"
                    />
                    <label htmlFor={`rating-${value}`} className="text-lg">
                      {t(`rating.${value}` as KeyIn<'apply.confirmation'>)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button
              type="submit"
              className="mt-4 min-h-12 rounded border-2 border-slate-900 px-4 text-lg font-bold"
            >
              {t('ratingSubmit')}
            </button>
          </ActionForm>
        )}
      </section>
    </PageShell>
  );
}
