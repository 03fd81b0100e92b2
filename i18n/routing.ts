import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  // Every URL carries its language, so a QR code or a shared link always opens in the same language.
  localePrefix: 'always',
  // The language alternates are in app/sitemap.ts, not in a ~0.5 KB `Link` header on every response.
  alternateLinks: false,
});
