import { Info } from 'lucide';
import { Icon } from '@/components/ui/Icon';
import type { Locale } from '@/i18n/locales';
import { getT, translationGaps } from '@/i18n/translate';

/**
 * One short line when the page shows draft translations or Vietnamese fallback. `keys` are the message
 * prefixes the page renders, so the line appears exactly when something on this page is affected.
 */
export function TranslationNotice({ locale, keys }: { locale: Locale; keys: readonly string[] }) {
  const { draft, fallback } = translationGaps(locale, ['layout', ...keys]);
  if (!draft && !fallback) return null;
  const t = getT(locale, 'layout');
  return (
    <p className="mx-auto mt-3 flex w-full max-w-3xl items-start gap-2 px-4 text-sm" role="note">
      <Icon node={Info} className="mt-0.5 size-4 shrink-0" />
      <span data-translation-notice={draft && fallback ? 'both' : draft ? 'draft' : 'fallback'}>
        {draft && fallback ? t('noticeBoth') : draft ? t('noticeDraft') : t('noticeFallback')}
      </span>
    </p>
  );
}
