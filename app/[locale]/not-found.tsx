import { getLocale } from 'next-intl/server';
import { NotFoundMessage } from '@/components/NotFoundView';
import { defaultLocale, isLocale } from '@/i18n/locales';

// The not-found boundary of every page below the layout. Next.js renders a boundary's fallback into the
// RSC payload of each of those pages (ADR 0012), so it is kept small: people never see it without
// JavaScript, since the proxy sends every unknown address to app/global-not-found.tsx (full header,
// search box and footer) before a page could call notFound() (lib/routes.ts); at most a page opened by
// client-side navigation shows this. It must not read the request: getLocale() returns the locale the
// layout set with setRequestLocale, which keeps those pages prerendered.
export default async function LocaleNotFound() {
  const requested = await getLocale();
  return (
    <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 pt-8">
      <NotFoundMessage locale={isLocale(requested) ? requested : defaultLocale} />
    </main>
  );
}
