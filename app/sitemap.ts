import type { MetadataRoute } from 'next';
import { lifeEvents, procedures } from '@/catalogue';
import { locales } from '@/i18n/locales';
import { localePath, paths } from '@/lib/paths';
import { printOrigin } from '@/lib/qr';

/**
 * The information pages, each with its translations (hreflang). The language alternates live here rather
 * than in a `Link` header on every page (next-intl's default, about 0.5 KB per response): search engines
 * read them from the sitemap, and people on prepaid data do not download them with every page.
 * Pages that belong to one person (drafts, receipts, tracking) are never listed.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const origin = printOrigin();
  const pages = [
    paths.home(),
    paths.languages(),
    paths.trackFind(),
    ...lifeEvents.map((e) => paths.lifeEvent(e.id)),
    ...procedures.map((p) => paths.procedure(p.id)),
  ];
  return pages.flatMap((page) => {
    const languages = Object.fromEntries(locales.map((l) => [l, origin + localePath(l, page)]));
    return locales.map((locale) => ({ url: origin + localePath(locale, page), alternates: { languages } }));
  });
}
