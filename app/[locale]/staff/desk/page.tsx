import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { maskCitizenId } from '@/catalogue/forms/citizenId';
import { communeName } from '@/catalogue/province';
import { DataTable } from '@/components/staff/DataTable';
import { PageShell } from '@/components/layout/PageShell';
import { communeQueue, readDeskQuery, searchDossiers } from '@/db/queries/desk';
import { formatDateTime } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { applicantCitizenId, applicantName } from '@/lib/applicant';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { formatCode, parseCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { communesWhere } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/desk'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'staff.desk').text('title'), robots: staffRobots };
}

/**
 * The officer's desk (docs/adr/0027): find a dossier of the commune by its reference, a person's name or a
 * citizen ID (masked in the list), and see what has not reached the province. A GET form: no JavaScript.
 * Lists are not audited (they show no ID in full and no answer); opening a dossier is.
 */
export default async function DeskPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const communes = communesWhere(staff.grants, 'dossiers:process', communeIds);
  if (communes.length === 0) redirect(localePath(locale, paths.staffForbidden()));
  const db = await database();
  const raw = (await searchParams).q;
  const typed = typeof raw === 'string' ? raw.slice(0, 100) : '';
  const query = readDeskQuery(typed, parseCode);
  const tooShort = typed.trim() !== '' && !query.reference && !query.citizenId && !query.name;
  const [rows, queue] = await Promise.all([
    tooShort ? Promise.resolve([]) : searchDossiers(db, communes, query),
    communeQueue(db, communes),
  ]);
  const t = getT(locale, 'staff.desk');
  const journeysT = getT(locale, 'catalogue.procedures');
  const manyCommunes = communes.length > 1;

  return (
    <PageShell
      locale={locale}
      path={paths.staffDesk()}
      crumbs={[
        { href: localePath(locale, paths.staffAccount()), label: getT(locale, 'staff.account')('title') },
      ]}
      messageKeys={['staff.desk', 'catalogue.procedures']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">
        {manyCommunes ? t('introMany') : t('intro', { commune: communeName(communes[0]!) })}
      </p>

      <form method="get" role="search" className="mt-6">
        <label htmlFor="q" className="block text-lg font-bold">
          {t('searchLabel')}
        </label>
        <p id="q-hint" className="text-slate-700">
          {t('searchHint')}
        </p>
        {tooShort && (
          <p id="q-error" className="mt-1 font-bold text-red-800">
            {t('tooShort')}
          </p>
        )}
        <div className="mt-1 flex flex-wrap gap-3">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={typed}
            maxLength={100}
            aria-describedby={tooShort ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={tooShort || undefined}
            className="min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-3 text-lg"
          />
          <button type="submit" className="min-h-12 rounded bg-brand px-5 text-lg font-bold text-white">
            {t('search')}
          </button>
        </div>
      </form>

      <h2 className="mt-8 text-2xl" id="results">
        {typed.trim() ? t('resultsFor', { query: typed.trim() }) : t('latest')}
      </h2>
      <p role="status" className="mt-1">
        {t('count', { count: rows.length })}
      </p>
      {rows.length > 0 && (
        <DataTable
          labelledBy="results"
          columns={[
            t('columns.reference'),
            t('columns.person'),
            t('columns.citizenId'),
            t('columns.procedure'),
            ...(manyCommunes ? [t('columns.commune')] : []),
            t('columns.submitted'),
            t('columns.delivery'),
          ]}
        >
          {rows.map((row) => {
            const id = applicantCitizenId(row.answers);
            return (
              <tr key={row.id} className="border-b border-slate-300 align-top">
                <td className="py-2 pr-3 font-mono whitespace-nowrap">
                  <a href={localePath(locale, paths.staffDossier(row.reference))}>
                    {formatCode(row.reference)}
                  </a>
                </td>
                <td className="py-2 pr-3">{applicantName(row.answers)}</td>
                <td className="py-2 pr-3 font-mono whitespace-nowrap">{id ? maskCitizenId(id) : ''}</td>
                <td className="py-2 pr-3">{journeysT(`${row.journeyId as 'register-birth'}.title`)}</td>
                {manyCommunes && <td className="py-2 pr-3">{communeName(row.officeCommuneId)}</td>}
                <td className="py-2 pr-3">{formatDateTime(row.submittedAt, locale)}</td>
                <td className="py-2">
                  {t(`delivery.${row.delivery}`)}
                  {row.provinceStatuses.includes('more-documents-needed') && (
                    <>
                      <br />
                      <strong>{t('moreDocuments')}</strong>
                    </>
                  )}
                  {row.originalsReceivedAt && (
                    <>
                      <br />
                      {t('originalsShort')}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}

      <h2 className="mt-10 text-2xl" id="queue">
        {t('queueTitle')}
      </h2>
      <p className="mt-1">{t('queueIntro')}</p>
      {queue.length === 0 ? (
        <p className="mt-2">{t('queueEmpty')}</p>
      ) : (
        <DataTable
          labelledBy="queue"
          columns={[
            t('columns.reference'),
            t('columns.procedure'),
            t('columns.delivery'),
            t('columns.attempts'),
            t('columns.nextAttempt'),
          ]}
        >
          {queue.map((item) => (
            <tr key={`${item.reference}-${item.procedureId}`} className="border-b border-slate-300 align-top">
              <td className="py-2 pr-3 font-mono whitespace-nowrap">
                <a href={localePath(locale, paths.staffDossier(item.reference))}>
                  {formatCode(item.reference)}
                </a>
              </td>
              <td className="py-2 pr-3">{journeysT(`${item.procedureId as 'register-birth'}.title`)}</td>
              <td className="py-2 pr-3">{t(`delivery.${item.delivery}`)}</td>
              <td className="py-2 pr-3">{item.attempts}</td>
              <td className="py-2">
                {item.delivery === 'dead' ? t('needsPerson') : formatDateTime(item.nextAttemptAt, locale)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
