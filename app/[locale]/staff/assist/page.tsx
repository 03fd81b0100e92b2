import { CommuneChoice } from '@/components/staff/CommuneChoice';
import { ActionForm } from '@/components/forms/ActionForm';
import type { Metadata } from 'next';
import { journeys } from '@/catalogue/forms/journeys';
import { filingsSince } from '@/db/queries/assist';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { DataTable } from '@/components/staff/DataTable';
import { PageShell } from '@/components/layout/PageShell';
import { formatDateTime } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { filingCommunes, PLACE_NAME_MAX, startOfTodayInVietnam } from '@/lib/assist';
import { applicantName } from '@/lib/applicant';
import { formatCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';
import { redirect } from 'next/navigation';
import { finishAndClear, startAssistedApplication } from './actions';

type Props = PageProps<'/[locale]/staff/assist'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'staff.assist').text('title'), robots: staffRobots };
}

const placeErrors = ['place-kind', 'place-name', 'place-name-long'] as const;

/**
 * Assisted mode's home (docs/adr/0026): start an application for a villager, see what was filed today,
 * and clear the device between villagers. Plain server forms: it works without JavaScript.
 */
export default async function AssistPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const db = await database();
  const mine = filingCommunes(staff.grants, communeIds);
  if (mine.length === 0) redirect(localePath(locale, paths.staffForbidden()));
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : undefined;
  const t = getT(locale, 'staff.assist');
  const procedures = getT(locale, 'catalogue.procedures');
  const statusT = getT(locale, 'apply.track.status');
  const today = await filingsSince(db, staff.user.id, startOfTodayInVietnam());
  const placeError = placeErrors.find((e) => e === error);
  const errorText = placeError ? t(`errors.${placeError}`) : error === 'journey' ? t('errors.journey') : null;

  return (
    <PageShell
      locale={locale}
      path={paths.staffAssist()}
      crumbs={[]}
      messageKeys={['staff.assist', 'catalogue.procedures', 'apply.track.status']}
    >
      {errorText && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[
            {
              field:
                placeError === 'place-kind' ? 'place-village-hall' : placeError ? 'placeName' : 'journeyId',
              message: errorText,
            },
          ]}
        />
      )}
      {query.cleared === '1' && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('cleared')}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>

      <ActionForm locale={locale} action={startAssistedApplication} className="mt-6 space-y-6">
        <input type="hidden" name="locale" value={locale} />
        <div className={error === 'journey' ? 'border-l-4 border-red-700 pl-3' : ''}>
          <label htmlFor="journeyId" className="block text-lg font-bold">
            {t('journey')}
          </label>
          {error === 'journey' && <FieldError id="journeyId-error">{errorText}</FieldError>}
          <select
            id="journeyId"
            name="journeyId"
            aria-describedby={error === 'journey' ? 'journeyId-error' : undefined}
            className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-2 text-lg"
          >
            {journeys.map((journey) => (
              <option key={journey.id} value={journey.id}>
                {procedures(`${journey.id as 'register-birth'}.title`)}
              </option>
            ))}
          </select>
        </div>
        <CommuneChoice communes={mine} label={t('commune')} />
        <fieldset className={placeError ? 'border-l-4 border-red-700 pl-3' : ''}>
          <legend className="text-lg font-bold">{t('place')}</legend>
          {placeError === 'place-kind' && <FieldError id="place-error">{errorText}</FieldError>}
          {(['village-hall', 'commune-office'] as const).map((kind, i) => (
            <div key={kind} className="mt-2 flex items-center gap-3">
              <input
                type="radio"
                id={`place-${kind}`}
                name="placeKind"
                value={kind}
                defaultChecked={i === 0}
                className="size-7 accent-brand"
              />
              <label htmlFor={`place-${kind}`} className="text-lg">
                {t(`places.${kind}`)}
              </label>
            </div>
          ))}
          <label htmlFor="placeName" className="mt-4 block text-lg font-bold">
            {t('placeName')}
          </label>
          <p id="placeName-hint" className="text-slate-700">
            {t('placeNameHint')}
          </p>
          {placeError && placeError !== 'place-kind' && (
            <FieldError id="placeName-error">{errorText}</FieldError>
          )}
          <input
            id="placeName"
            name="placeName"
            type="text"
            maxLength={PLACE_NAME_MAX * 2}
            aria-describedby={`placeName-hint${placeError && placeError !== 'place-kind' ? ' placeName-error' : ''}`}
            aria-invalid={placeError && placeError !== 'place-kind' ? true : undefined}
            className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-3 text-lg"
          />
        </fieldset>
        <SubmitButton>{t('start')}</SubmitButton>
      </ActionForm>

      <h2 id="today" className="mt-10 text-2xl">
        {t('today')}
      </h2>
      {today.length === 0 ? (
        <p className="mt-2">{t('todayEmpty')}</p>
      ) : (
        <>
          <p className="mt-2">
            <a href={localePath(locale, paths.staffSlips())} className="font-bold">
              {t('slips')}
            </a>
          </p>
          <DataTable
            labelledBy="today"
            columns={[
              t('columns.villager'),
              t('columns.procedure'),
              t('columns.reference'),
              t('columns.status'),
            ]}
          >
            {today.map(({ submission, statuses }) => {
              const name = applicantName(submission.answers);
              const sentBack = statuses.includes('more-documents-needed');
              return (
                <tr key={submission.id} className="border-b border-slate-300 align-top">
                  <td className="py-2 pr-3">{name}</td>
                  <td className="py-2 pr-3">
                    {procedures(`${submission.journeyId as 'register-birth'}.title`)}
                  </td>
                  <td className="py-2 pr-3 font-mono">
                    <a
                      href={localePath(
                        locale,
                        paths.receipt(submission.reference, submission.trackingKey ?? undefined),
                      )}
                    >
                      {formatCode(submission.reference)}
                    </a>
                  </td>
                  <td className="py-2">
                    {sentBack ? (
                      <strong>{statusT('more-documents-needed')}</strong>
                    ) : (
                      t('sentAt', { time: formatDateTime(submission.submittedAt, locale) })
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}

      <ActionForm locale={locale} action={finishAndClear} className="mt-10 border-t border-slate-300 pt-6">
        <input type="hidden" name="locale" value={locale} />
        <p id="clear-hint">{t('clearHint')}</p>
        <button
          type="submit"
          aria-describedby="clear-hint"
          className="mt-2 min-h-12 rounded bg-red-800 px-5 text-lg font-bold text-white hover:bg-red-900"
        >
          {t('clear')}
        </button>
      </ActionForm>
    </PageShell>
  );
}
