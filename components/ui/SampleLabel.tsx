import type { Fact } from '@/catalogue/types';
import { formatDay } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';

/**
 * Beside every fact: "Sample data" (and the text it is based on) for one not checked against an official
 * source; "Checked on <date>" with its source for one the province verified in the staff area (ADR 0030).
 */
export function SampleLabel({ fact, locale }: { fact: Fact<unknown>; locale: Locale }) {
  const t = getT(locale, 'procedure');
  if (fact.status === 'verified') {
    if (!fact.checkedOn) return null;
    return (
      <span
        className="ml-2 rounded border border-green-800 px-1.5 text-xs text-green-900 [overflow-wrap:anywhere] box-decoration-clone"
        data-fact="verified"
      >
        <span className="font-bold">{t('checkedOn', { date: formatDay(fact.checkedOn, locale) })}</span>
        <span className="leaflet-a5:hidden">
          {' · '}
          {t('source')} <span lang="vi">{fact.source}</span>
        </span>
      </span>
    );
  }
  return (
    <span
      className="ml-2 rounded border border-sample px-1.5 text-xs font-bold text-sample [overflow-wrap:anywhere] box-decoration-clone"
      data-fact="sample"
    >
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
