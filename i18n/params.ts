import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './locales';

/**
 * The locale of a route's params. Next.js can route a request such as `/favicon.ico` into `[locale]`
 * before the layout rejects it, so every page and `generateMetadata` validates rather than casts.
 */
export async function localeFrom(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}
