import type { Fact } from '@/catalogue/types';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';

/** Marks a fact that has not been checked against an official source, naming the text it is based on. */
export function SampleLabel({ fact, locale }: { fact: Fact<unknown>; locale: Locale }) {
  if (fact.status === 'verified') return null;
  const t = getT(locale, 'procedure');
  return (
    <span className="ml-2 rounded border border-sample px-1.5 text-xs font-bold text-sample [overflow-wrap:anywhere] box-decoration-clone">
      {t('sample')}
      {fact.basis && (
        <span className="font-normal leaflet-a5:hidden">
          {' · '}
          {t('basis')} {/* Citations are Vietnamese legal titles, whatever the page language. */}
          {/* On an A5 leaflet only the label is printed: the citation would push it onto a second sheet. */}
          <span lang="vi">{fact.basis}</span>
        </span>
      )}
    </span>
  );
}
