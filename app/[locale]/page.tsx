import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { catalogueUpdatedOn, lifeEvents } from '@/catalogue';
import { PageShell } from '@/components/layout/PageShell';
import { Pictogram } from '@/components/ui/Pictogram';
import { SearchForm } from '@/components/SearchForm';
import { formatDate } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'home').text('title') };
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await localeFrom(params);
  setRequestLocale(locale);
  const t = getT(locale, 'home');
  const events = getT(locale, 'catalogue.lifeEvents');

  return (
    <PageShell locale={locale} path={paths.home()} messageKeys={['home', 'search', 'catalogue.lifeEvents']}>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 text-lg">{t('intro')}</p>

      <h2 className="mt-6 text-xl">{t('lifeEventsHeading')}</h2>
      <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {lifeEvents.map((event) => (
          <li key={event.id}>
            <a
              href={localePath(locale, paths.lifeEvent(event.id))}
              className="flex min-h-24 items-center gap-4 rounded-lg border-2 border-slate-300 p-4 no-underline hover:border-brand"
            >
              <Pictogram name={event.pictogram} className="size-14 shrink-0 text-brand" />
              <span className="min-w-0">
                <span className="block text-xl font-bold underline underline-offset-2">
                  {events(`${event.id}.title`)}
                </span>
                <span className="block text-slate-800">{events(`${event.id}.summary`)}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="search-heading" className="mt-8">
        <h2 id="search-heading" className="text-xl">
          {t('searchHeading')}
        </h2>
        <SearchForm locale={locale} />
      </section>

      <section aria-labelledby="already-heading" className="mt-8">
        <h2 id="already-heading" className="text-xl">
          {t('alreadyHeading')}
        </h2>
        <ul className="mt-2 space-y-2 text-lg">
          <li>
            <a
              href={localePath(locale, paths.trackFind())}
              className="inline-flex min-h-12 items-center font-bold"
            >
              {t('trackLink')}
            </a>
          </li>
          <li>
            <a
              href={localePath(locale, paths.resume())}
              className="inline-flex min-h-12 items-center font-bold"
            >
              {t('resumeLink')}
            </a>
          </li>
        </ul>
      </section>

      <p className="mt-8 text-sm text-slate-700">
        {t('updated', { date: formatDate(catalogueUpdatedOn, locale) })}
      </p>
    </PageShell>
  );
}
