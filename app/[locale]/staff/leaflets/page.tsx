import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { PageShell } from '@/components/layout/PageShell';
import { DataTable } from '@/components/staff/DataTable';
import { StaffField } from '@/components/staff/StaffField';
import { leafletRunsWithScans } from '@/db/queries/leafletRuns';
import { staffNames } from '@/db/queries/staff';
import { database } from '@/db/prepare';
import { formatDateTime, formatNumber } from '@/i18n/format';
import { isLocale, localeInfo, locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { guideTitle } from '@/lib/guideTitle';
import { guideValue, printableGuides, RUN_LIMITS, runErrorInput, type RunError } from '@/lib/leafletRuns';
import { localePath, paths } from '@/lib/paths';
import { allows } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots, staffTitle } from '../staffRequest';
import { createRunAction } from './actions';

type Props = PageProps<'/[locale]/staff/leaflets'>;
type Query = Record<string, string | string[] | undefined>;

const runErrors = Object.keys(runErrorInput) as RunError[];
const errorOf = (query: Query): RunError | null =>
  (runErrors as unknown[]).includes(query.error) ? (query.error as RunError) : null;
const typedOf = (query: Query, name: string) =>
  typeof query[name] === 'string' ? (query[name] as string) : '';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.leaflets').text('title');
  return { title: staffTitle(locale, title, errorOf(await searchParams) !== null), robots: staffRobots };
}

/**
 * Leaflet print runs (issue 15): record one (a guide, a language, the office or event it is printed for,
 * its source code), open its leaflet to print, and see every run with its scans. Content editors only;
 * works without JavaScript.
 */
export default async function LeafletsPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  if (!allows(staff.grants, 'content:edit')) redirect(localePath(locale, paths.staffForbidden()));
  const db = await database();
  const runs = await leafletRunsWithScans(db);
  const names = await staffNames(
    db,
    runs.map((r) => r.run.createdBy),
  );
  const query = await searchParams;
  const error = errorOf(query);
  const t = getT(locale, 'staff.leaflets');
  const message = error ? t(`errors.${error}`, RUN_LIMITS) : null;
  const errorAt = (input: string): ReactNode =>
    error && runErrorInput[error] === input ? message : undefined;
  const created =
    typeof query.created === 'string' ? runs.find((r) => r.run.id === query.created) : undefined;
  const typed = (name: string) => (error ? typedOf(query, name) : '');
  const chosenLanguage = typed('language') || locale;
  const place = typed('place') || 'office';
  return (
    <PageShell
      locale={locale}
      path={paths.staffLeaflets()}
      crumbs={[]}
      messageKeys={['staff.leaflets', 'catalogue.procedures', 'catalogue.lifeEvents', 'apply.errors']}
    >
      {message && error && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[{ field: runErrorInput[error], message }]}
        />
      )}
      {created && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('createdDone', { label: created.run.label })}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>

      <h2 id="runs" className="mt-8 text-2xl">
        {t('listHeading')}
      </h2>
      {runs.length === 0 ? (
        <p className="mt-2">{t('none')}</p>
      ) : (
        <DataTable
          labelledBy="runs"
          columns={[
            t('columns.run'),
            t('columns.guide'),
            t('columns.source'),
            t('columns.copies'),
            t('columns.scans'),
          ]}
        >
          {runs.map(({ run, scans }) => {
            const guide = { kind: run.guideKind, id: run.guideId };
            const language = isLocale(run.locale) ? run.locale : locale;
            return (
              <tr key={run.id} className="border-b border-slate-300 align-top" data-run={run.source}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <a
                    href={localePath(language, paths.leaflet(guide, run.source))}
                    className="font-bold"
                    aria-label={t.text('print', { label: run.label })}
                  >
                    {run.label}
                  </a>
                  <span className="block text-sm">
                    {t('recordedBy', {
                      name: names.get(run.createdBy) ?? '—',
                      date: formatDateTime(run.createdAt, locale),
                    })}
                  </span>
                </th>
                <td className="py-2 pr-3">
                  {guideTitle(locale, guide)} · <span lang={language}>{localeInfo[language].autonym}</span>
                </td>
                <td className="py-2 pr-3 font-mono">{run.source}</td>
                <td className="py-2 pr-3">{run.copies === null ? '—' : formatNumber(run.copies, locale)}</td>
                <td className="py-2 pr-3" data-scans>
                  {formatNumber(scans, locale)}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}

      <h2 id="new-run" className="mt-10 text-2xl">
        {t('newHeading')}
      </h2>
      <ActionForm locale={locale} action={createRunAction} className="mt-2">
        <input type="hidden" name="locale" value={locale} />
        <div className={`mt-4 ${errorAt('guide') ? 'border-l-4 border-red-700 pl-3' : ''}`}>
          <label htmlFor="guide" className="block text-lg font-bold">
            {t('guide')}
          </label>
          {errorAt('guide') && <FieldError id="guide-error">{message}</FieldError>}
          <select
            id="guide"
            name="guide"
            defaultValue={typed('guide') || undefined}
            aria-describedby={errorAt('guide') ? 'guide-error' : undefined}
            aria-invalid={errorAt('guide') ? true : undefined}
            className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-2 text-lg"
          >
            {printableGuides.map((guide) => (
              <option key={guideValue(guide)} value={guideValue(guide)}>
                {guideTitle(locale, guide)}
              </option>
            ))}
          </select>
        </div>
        <div className={`mt-4 ${errorAt('language') ? 'border-l-4 border-red-700 pl-3' : ''}`}>
          <label htmlFor="language" className="block text-lg font-bold">
            {t('language')}
          </label>
          {errorAt('language') && <FieldError id="language-error">{message}</FieldError>}
          <select
            id="language"
            name="language"
            defaultValue={chosenLanguage}
            aria-describedby={errorAt('language') ? 'language-error' : undefined}
            aria-invalid={errorAt('language') ? true : undefined}
            className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-2 text-lg"
          >
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeInfo[l].autonym}
              </option>
            ))}
          </select>
        </div>
        <fieldset
          className={`mt-4 ${errorAt('place-office') ? 'border-l-4 border-red-700 pl-3' : ''}`}
          aria-describedby={errorAt('place-office') ? 'place-error' : undefined}
        >
          <legend className="text-lg font-bold">{t('place')}</legend>
          {errorAt('place-office') && <FieldError id="place-error">{message}</FieldError>}
          {(['office', 'event'] as const).map((value) => (
            <div key={value} className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                id={`place-${value}`}
                name="place"
                value={value}
                defaultChecked={place === value}
                className="h-6 w-6"
              />
              <label htmlFor={`place-${value}`}>{t(value)}</label>
            </div>
          ))}
        </fieldset>
        <StaffField
          id="label"
          label={t('label')}
          hint={t('labelHint')}
          error={errorAt('label')}
          autoComplete="off"
          maxLength={RUN_LIMITS.maxLabel}
          defaultValue={typed('label')}
        />
        <StaffField
          id="source"
          label={t('source')}
          hint={t('sourceHint')}
          error={errorAt('source')}
          autoComplete="off"
          maxLength={40}
          defaultValue={typed('source')}
        />
        <StaffField
          id="copies"
          label={t('copies')}
          error={errorAt('copies')}
          autoComplete="off"
          inputMode="numeric"
          maxLength={7}
          defaultValue={typed('copies')}
        />
        <button
          type="submit"
          className="mt-6 min-h-12 rounded bg-blue-800 px-5 font-bold text-white hover:bg-blue-900"
        >
          {t('create')}
        </button>
      </ActionForm>
    </PageShell>
  );
}
