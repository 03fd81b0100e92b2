import { getLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { defaultLocale, isLocale } from '@/i18n/locales';

// Shown when a page calls notFound(); unknown paths are routed to app/not-found.tsx by the proxy instead.
export default async function LocaleNotFound() {
  const requested = await getLocale();
  return <NotFoundView locale={isLocale(requested) ? requested : defaultLocale} />;
}
