import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { findLifeEvent } from '@/catalogue';
import { searchCatalogue } from '@/catalogue/search';
import { PageShell } from '@/components/layout/PageShell';
import { Pictogram } from '@/components/ui/Pictogram';
import { SearchForm } from '@/components/SearchForm';
import { defaultLocale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { buildSearchDocuments } from '@/lib/searchIndex';

type Props = PageProps<'/[locale]/search'>;

function readQuery(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return (raw ?? '').slice(0, 200).trim();
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const query = readQuery((await searchParams).q);
  const t = getT(locale, 'search');
  return { title: query ? t.text('titleWithQuery', { query }) : t.text('title') };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  setRequestLocale(locale);
  const query = readQuery((await searchParams).q);
  const t = getT(locale, 'search');
  const texts = {
    'life-event': getT(locale, 'catalogue.lifeEvents'),
    procedure: getT(locale, 'catalogue.procedures'),
  };
  // Search every language at once: people often type Vietnamese on a Hmong page.
  const hits = query ? searchCatalogue(query, buildSearchDocuments([locale, defaultLocale, 'en'])) : [];

  return (
    <PageShell
      locale={locale}
      path={paths.search(query || undefined)}
      crumbs={[]}
      messageKeys={['search', 'catalogue.lifeEvents', 'catalogue.procedures']}
    >
      <h1 className="text-3xl">{query ? t('titleWithQuery', { query }) : t('title')}</h1>
      <SearchForm locale={locale} query={query} />

      {!query && <p className="mt-4">{t('emptyQuery')}</p>}
      {query && hits.length === 0 && (
        <div className="mt-6">
          <p className="text-lg font-bold">{t('noResults', { query })}</p>
          <p>{t('noResultsHint')}</p>
        </div>
      )}
      {hits.length > 0 && (
        <>
          <p className="mt-6" role="status">
            {t('count', { count: hits.length })}
          </p>
          <ul className="mt-3 space-y-4">
            {hits.map((hit) => {
              const key = (field: 'title' | 'summary') =>
                `${hit.id}.${field}` as KeyIn<'catalogue.procedures'>;
              const text = texts[hit.kind] as ReturnType<typeof getT<'catalogue.procedures'>>;
              const href = hit.kind === 'life-event' ? paths.lifeEvent(hit.id) : paths.procedure(hit.id);
              const event = hit.kind === 'life-event' ? findLifeEvent(hit.id) : undefined;
              return (
                <li key={`${hit.kind}:${hit.id}`} className="flex gap-3">
                  {event && <Pictogram name={event.pictogram} className="size-10 shrink-0 text-brand" />}
                  {/* min-w-0: at 320 px with text at 200 %, the text must wrap beside the pictogram. */}
                  <div className="min-w-0 break-words">
                    <p className="text-sm text-slate-700">
                      {hit.kind === 'life-event' ? t('kindLifeEvent') : t('kindProcedure')}
                    </p>
                    <a href={localePath(locale, href)} className="text-lg font-bold">
                      {text(key('title'))}
                    </a>
                    <p>{text(key('summary'))}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </PageShell>
  );
}
