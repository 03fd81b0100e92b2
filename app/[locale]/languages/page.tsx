import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { formatNumber } from '@/i18n/format';
import { localeInfo, locales, type Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { allLanguageCoverage, percent, type LanguageCoverage, type Share } from '@/lib/languageCoverage';
import { paths } from '@/lib/paths';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

type Props = PageProps<'/[locale]/languages'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'languages').text('title') };
}

const columns = ['interface', 'guides', 'audio', 'video', 'captions'] as const;

/**
 * What the portal has in each language: the province's to-do list for translators and recordings, public
 * so that nobody has to ask. The same figures as `npm run i18n:coverage`.
 */
export default async function LanguagesPage({ params }: Props) {
  const locale = await localeFrom(params);
  setRequestLocale(locale);
  const t = getT(locale, 'languages');
  const rows: LanguageCoverage[] = allLanguageCoverage();
  const pct = (value: number) => `${formatNumber(value, locale)} %`;
  const cell = (share: Share) => (
    <>
      <span className="font-bold">{pct(percent(share.reviewed + share.draft, share.total))}</span>
      {share.draft > 0 && (
        <span className="block text-sm">
          {t('ofWhichDraft', { percent: pct(percent(share.draft, share.total)) })}
        </span>
      )}
    </>
  );

  return (
    <PageShell locale={locale} path={paths.languages()} crumbs={[]} messageKeys={['languages']}>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 text-lg">{t('intro')}</p>
      {/* Five figures per language do not fit a 320 px screen: the table scrolls inside its own box. */}
      <div className="mt-6 overflow-x-auto" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
        <table className="w-full min-w-[36rem] border-collapse text-left">
          <caption id="coverage-caption" className="mb-2 text-left text-xl font-bold">
            {t('caption')}
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-900">
              <th scope="col" className="p-2">
                {t('language')}
              </th>
              {columns.map((column) => (
                <th key={column} scope="col" className="p-2">
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.locale} className="border-b border-slate-300 align-top">
                <th scope="row" className="p-2" lang={row.locale}>
                  {localeInfo[row.locale as Locale].autonym}
                </th>
                {columns.map((column) => (
                  <td key={column} className="p-2">
                    {cell(row[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mt-6 text-xl">{t('howHeading')}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t('howInterface')}</li>
        <li>{t('howGuides')}</li>
        <li>{t('howRecordings')}</li>
        <li>{t('howDraft')}</li>
      </ul>
      <p className="mt-4">{t('contribute')}</p>
    </PageShell>
  );
}
