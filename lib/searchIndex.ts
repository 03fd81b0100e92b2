import { lifeEvents, procedures } from '@/catalogue';
import type { SearchDocument } from '@/catalogue/search';
import type { Locale } from '@/i18n/locales';
import { flatMessages } from '@/i18n/messages';

/** Search documents built from every language's catalogue messages; see catalogue/search.ts. */
export function buildSearchDocuments(locales: readonly Locale[]): SearchDocument[] {
  const texts = (key: string) =>
    locales.map((l) => flatMessages(l).get(key)).filter((t): t is string => t !== undefined);
  const doc = (kind: SearchDocument['kind'], id: string, prefix: string): SearchDocument => ({
    kind,
    id,
    titles: texts(`${prefix}.title`),
    keywords: texts(`${prefix}.keywords`).flatMap((k) => k.split(',')),
    summaries: texts(`${prefix}.summary`),
  });
  return [
    ...lifeEvents.map((e) => doc('life-event', e.id, `catalogue.lifeEvents.${e.id}`)),
    ...procedures.map((p) => doc('procedure', p.id, `catalogue.procedures.${p.id}`)),
  ];
}
