import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { province } from '@/catalogue/province';
import { ErrorStringsProvider } from '@/components/ErrorStrings';
import { isLocale, locales } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { livePublished } from '@/lib/content/live';
import { TRANSLATION_KIND } from '@/lib/content/translations';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}
// No `dynamicParams = false` here: Next.js applies a layout's to every route below, and a leaflet for a
// named place is a page rendered on first request. The proxy already sends unknown locales elsewhere.
// The information pages below are prerendered (docs/adr/0012). Next.js would let a shared cache (a CDN or
// the province's reverse proxy) keep them a year; an hour means a deploy reaches readers within the hour,
// and a cached page never outlives for long the CSS and JavaScript files it names.
export const revalidate = 3600;

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = getT(locale, 'layout');
  const name = t.text('portalName');
  return {
    title: { template: `%s – ${name}`, default: name },
    description: t.text('tagline', { province: province.name }),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // Every page shows translated texts: this read tags each with the content's cache tag, so a published
  // translation renders it again (the texts themselves are laid over the messages by lib/content/watch.ts).
  // A database that cannot answer just now does not stop a page that has nothing else to ask it.
  await livePublished(TRANSLATION_KIND).catch(() => []);
  // Only the error page's strings go to the browser; every other page is translated on the server.
  const errorT = getT(locale, 'errorPage');
  const errorStrings = {
    locale,
    title: errorT('title'),
    body: errorT('body'),
    retry: errorT('retry'),
    home: errorT('home'),
    staleTitle: errorT('staleTitle'),
    staleBody: errorT('staleBody'),
    staleContinue: errorT('staleContinue'),
  };
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <ErrorStringsProvider strings={errorStrings}>{children}</ErrorStringsProvider>
      </body>
    </html>
  );
}
