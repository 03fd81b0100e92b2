import { getLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/NotFoundView';
import { defaultLocale, isLocale } from '@/i18n/locales';

// Every unknown address lands here (see lib/routes.ts): the proxy tells us its language through
// next-intl's locale header, so the page speaks it and carries the right `<html lang>`.
export default async function NotFound() {
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
