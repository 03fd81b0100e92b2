import type { ReactNode } from 'react';
import type { Duration, Fee } from '@/catalogue/types';
import { formatVnd } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import type { Translate } from '@/i18n/translate';

/** A procedure's fee in words ("Free", "50.000 ₫"), shared by the guide page and its leaflet. */
export function feeText(fee: Fee, locale: Locale, t: Translate<'procedure'>): ReactNode {
  return fee.kind === 'free' ? t('fee.free') : t('fee.vnd', { amount: formatVnd(fee.amount, locale) });
}

/** How long a procedure takes, in words. */
export function durationText(duration: Duration, t: Translate<'procedure'>): ReactNode {
  return 'amount' in duration
    ? t(`duration.${duration.unit}`, { amount: duration.amount })
    : t(`duration.${duration.unit}`);
}
