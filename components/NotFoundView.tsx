import { PageShell } from '@/components/layout/PageShell';
import { SearchForm } from '@/components/SearchForm';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { localePath } from '@/lib/paths';

/** What a not-found page says, in the reader's language: its title and the way home. */
export function NotFoundMessage({ locale }: { locale: Locale }) {
  const t = getT(locale, 'notFound');
  return (
    <>
      <title>{t.text('title')}</title>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-3 text-lg">{t('body')}</p>
      <p className="mt-4">
        <a href={localePath(locale)} className="text-lg font-bold">
          {t('home')}
        </a>
      </p>
    </>
  );
}

/** A not-found page that helps: the way home, and the search box, in the reader's language. */
export function NotFoundView({ locale }: { locale: Locale }) {
  const t = getT(locale, 'notFound');
  return (
    <PageShell locale={locale} path="" crumbs={[]} messageKeys={['notFound', 'search']}>
      <NotFoundMessage locale={locale} />
      <p className="mt-6">{t('search')}</p>
      <SearchForm locale={locale} />
    </PageShell>
  );
}
