import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { outboxHealth, outboxProblems } from '@/db/queries/outbox';
import { scanTotals } from '@/db/queries/scans';
import { parseShortCode } from '@/catalogue/shortLinks';
import { localeInfo } from '@/i18n/locales';
import { formatDateTime, formatNumber } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { formatCode } from '@/lib/codes';
import { paths } from '@/lib/paths';
import { requireStaff } from '@/lib/staff/session';
import { retryDeadLetterAction } from './actions';

type Props = PageProps<'/[locale]/ops'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'ops').text('title'), robots: { index: false } };
}

/**
 * Outbox health for operations staff: what waits, what is being retried, what needs a person, how old
 * the oldest undelivered application is and how many went through in the last hour; a dead letter can
 * be sent again. For staff whose role gives `ops:view` (province admins, lib/staff/roles.ts).
 */
export default async function OpsPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  await requireStaff(locale, 'ops:view');
  const db = await database();
  const [health, dead, retrying, scans] = await Promise.all([
    outboxHealth(db),
    outboxProblems(db, 'dead'),
    outboxProblems(db, 'retrying'),
    scanTotals(db, 30),
  ]);
  const t = getT(locale, 'ops');
  const retried = (await searchParams).retried === '1';
  const figures = [
    ['waiting', formatNumber(health.waiting, locale)],
    ['retrying', formatNumber(health.retrying, locale)],
    ['dead', formatNumber(health.dead, locale)],
    [
      'oldest',
      health.oldestUndelivered ? formatDateTime(health.oldestUndelivered, locale) : t.text('oldestNone'),
    ],
    ['deliveredLastHour', formatNumber(health.deliveredLastHour, locale)],
  ] as const;

  return (
    <PageShell locale={locale} path={paths.ops()} crumbs={[]} messageKeys={['ops']}>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      {retried && (
        <p role="status" className="mt-4 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('retried')}
        </p>
      )}
      <h2 className="mt-6 text-2xl">{t('health')}</h2>
      <dl className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {figures.map(([key, value]) => (
          <div key={key} className="rounded border-2 border-slate-300 p-3" data-figure={key}>
            <dt>{t(key)}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <ProblemTable locale={locale} title={t('deadTitle')} rows={dead} retry />
      <ProblemTable locale={locale} title={t('retryingTitle')} rows={retrying} />
      <ScanTable locale={locale} rows={scans} />
    </PageShell>
  );
}

function ProblemTable({
  locale,
  title,
  rows,
  retry = false,
}: {
  locale: Locale;
  title: React.ReactNode;
  rows: Awaited<ReturnType<typeof outboxProblems>>;
  retry?: boolean;
}) {
  const t = getT(locale, 'ops');
  const procedures = getT(locale, 'catalogue.procedures');
  return (
    <section className="mt-8">
      <h2 className="text-2xl">{title}</h2>
      {rows.length === 0 ? (
        <p className="mt-2">{t('none')}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-900">
                <th scope="col" className="p-2">
                  {t('reference')}
                </th>
                <th scope="col" className="p-2">
                  {t('procedure')}
                </th>
                <th scope="col" className="p-2">
                  {t('attempts')}
                </th>
                <th scope="col" className="p-2">
                  {t('lastError')}
                </th>
                <th scope="col" className="p-2">
                  {retry ? t('since') : t('nextAttempt')}
                </th>
                {retry && (
                  <th scope="col" className="p-2">
                    {t('action')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-300 align-top">
                  <td className="p-2 font-mono">{formatCode(row.reference)}</td>
                  <td className="p-2">{procedures(`${row.procedureId as 'register-birth'}.title`)}</td>
                  <td className="p-2">{formatNumber(row.attempts, locale)}</td>
                  <td className="break-all p-2 font-mono text-sm">{row.lastError}</td>
                  <td className="p-2">{formatDateTime(retry ? row.createdAt : row.nextAttemptAt, locale)}</td>
                  {retry && (
                    <td className="p-2">
                      <form action={retryDeadLetterAction}>
                        <input type="hidden" name="locale" value={locale} />
                        <input type="hidden" name="id" value={row.id} />
                        <SubmitButton>{t('retry', { reference: formatCode(row.reference) })}</SubmitButton>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Which printed QR codes and short links were used in the last 30 days, per place they hang. */
function ScanTable({ locale, rows }: { locale: Locale; rows: Awaited<ReturnType<typeof scanTotals>> }) {
  const t = getT(locale, 'ops');
  const titles = {
    procedure: getT(locale, 'catalogue.procedures'),
    'life-event': getT(locale, 'catalogue.lifeEvents'),
  };
  return (
    <section className="mt-8" aria-labelledby="scans-title">
      <h2 id="scans-title" className="text-2xl">
        {t('scansTitle')}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">{t('scansNone')}</p>
      ) : (
        <div className="mt-2 overflow-x-auto" role="region" aria-labelledby="scans-title" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-900">
                <th scope="col" className="p-2">
                  {t('scansCode')}
                </th>
                <th scope="col" className="p-2">
                  {t('scansGuide')}
                </th>
                <th scope="col" className="p-2">
                  {t('scansSource')}
                </th>
                <th scope="col" className="p-2">
                  {t('scansCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const parsed = parseShortCode(row.code);
                return (
                  <tr key={`${row.code}/${row.source}`} className="border-b border-slate-300">
                    <td className="p-2 font-mono">{`/q/${row.code}`}</td>
                    <td className="p-2">
                      {parsed &&
                        `${titles[parsed.guide.kind].text(`${parsed.guide.id}.title` as never)} (${localeInfo[parsed.locale].autonym})`}
                    </td>
                    <td className="p-2">{row.source || t('scansNoSource')}</td>
                    <td className="p-2 font-bold">{formatNumber(row.scans, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
