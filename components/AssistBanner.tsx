import { ActionForm } from '@/components/forms/ActionForm';
import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { finishAndClear } from '@/app/[locale]/staff/assist/actions';
import { localePath, paths } from '@/lib/paths';

/**
 * On every apply page of an assisted draft (docs/adr/0026): whose application this is, a way to start
 * one for the next villager and a way to clear the device. A server form: no JavaScript needed.
 */
export function AssistBanner({ locale }: { locale: Locale }) {
  const t = getT(locale, 'staff.assist');
  return (
    <aside aria-label={t.text('bannerLabel')} className="mb-6 border-l-4 border-blue-900 bg-blue-50 p-3">
      <p className="font-bold">{t('banner')}</p>
      <div className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-2">
        <a href={localePath(locale, paths.staffAssist())} className="font-bold">
          {t('newPerson')}
        </a>
        <ActionForm locale={locale} action={finishAndClear}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-12 font-bold text-red-800 underline">
            {t('clear')}
          </button>
        </ActionForm>
      </div>
    </aside>
  );
}

/** "Submitted with the help of …" on the confirmation and the receipt of an assisted submission. */
export function helpedByText(
  locale: Locale,
  submission: { helperName: string | null; assistPlace: { kind: string; name: string } | null },
): ReactNode {
  if (!submission.helperName || !submission.assistPlace) return null;
  const t = getT(locale, 'staff.assist');
  const place =
    submission.assistPlace.kind === 'village-hall'
      ? t.text('placeOn.village-hall', { name: submission.assistPlace.name })
      : t.text('placeOn.commune-office');
  return t('helpedBy', { name: submission.helperName, place });
}
