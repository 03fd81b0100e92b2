import { getLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { defaultLocale, isLocale } from '@/i18n/locales';
import './globals.css';

// Every unknown address lands here (see lib/routes.ts): the proxy tells us its language through
// next-intl's locale header, so the page speaks it and carries the right `<html lang>`.
//
// A global not-found page rather than app/not-found.tsx: Next.js renders a segment's not-found component
// into every page below it, so a root not-found that reads the request's header made every page dynamic.
// This one is rendered only for unmatched URLs (docs/adr/0012).
export default async function GlobalNotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NotFoundView locale={locale} />
      </body>
    </html>
  );
}
