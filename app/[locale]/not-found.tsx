import { getLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { defaultLocale, isLocale } from '@/i18n/locales';

// Shown when a page calls notFound(); unknown paths are routed to app/global-not-found.tsx by the proxy
// instead. Rendered into every page below the layout, so it must not read the request: getLocale() here
// returns the locale the layout set with setRequestLocale, which keeps those pages prerendered (ADR 0012).
export default async function LocaleNotFound() {
  const requested = await getLocale();
  return <NotFoundView locale={isLocale(requested) ? requested : defaultLocale} />;
}
