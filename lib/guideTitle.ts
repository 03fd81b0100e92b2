import type { GuideRef } from '@/catalogue/types';
import type { Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';

/** A procedure's or life event's title in `locale`, as plain text (a staff list, a table cell). */
export function guideTitle(locale: Locale, guide: GuideRef): string {
  return guide.kind === 'procedure'
    ? getT(locale, 'catalogue.procedures').text(`${guide.id}.title` as KeyIn<'catalogue.procedures'>)
    : getT(locale, 'catalogue.lifeEvents').text(`${guide.id}.title` as KeyIn<'catalogue.lifeEvents'>);
}
