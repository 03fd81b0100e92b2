import type { Duration, Fee, OnlineLevel } from '@/catalogue/types';
import { durationText, feeText } from '@/components/guide/factText';
import type { Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { isFactValue, type FactField } from '@/lib/content/facts';

/** A procedure fact's value in words, as the guide would say it: the staff list, history and review. */
export function FactValue({ field, value, locale }: { field: FactField; value: unknown; locale: Locale }) {
  const t = getT(locale, 'procedure');
  if (!isFactValue(field, value)) return <>{getT(locale, 'staff.content')('unreadable')}</>;
  switch (field) {
    case 'fee':
      return <>{feeText(value as Fee, locale, t)}</>;
    case 'processingTime':
      return <>{durationText(value as Duration, t)}</>;
    case 'online':
      return <>{t(`online.${value as OnlineLevel}`)}</>;
    case 'nationalCode':
      return <span className="font-mono">{value as string}</span>;
    case 'documents': {
      const documents = getT(locale, 'catalogue.documents');
      return (
        <ul className="list-disc pl-5">
          {(value as string[]).map((doc) => (
            <li key={doc}>{documents(doc as KeyIn<'catalogue.documents'>)}</li>
          ))}
        </ul>
      );
    }
    case 'legalBasis':
      return (
        <ul className="list-disc pl-5" lang="vi">
          {(value as string[]).map((law) => (
            <li key={law}>{law}</li>
          ))}
        </ul>
      );
  }
}
