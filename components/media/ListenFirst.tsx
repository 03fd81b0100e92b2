import type { IconNode } from 'lucide';
import type { ReactNode } from 'react';
import type { Recording } from '@/catalogue/media';
import { Icon } from '@/components/ui/Icon';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { RecordingFigure } from './GuideMedia';

/**
 * For a language with recordings but little written text (most Hmong, Tày, Dao and Nùng readers read
 * Vietnamese poorly, and no screen-reader voice speaks their language): the recording comes first, with
 * big pictures of what the guide is about, before the text falls back to Vietnamese.
 */
export function ListenFirst({
  recordings,
  locale,
  pictograms,
}: {
  recordings: readonly Recording[];
  locale: Locale;
  pictograms: readonly { icon: IconNode; label: ReactNode }[];
}) {
  const t = getT(locale, 'media');
  return (
    <section aria-labelledby="listen-first" className="mt-4 rounded-lg bg-sky-50 p-4">
      <h2 id="listen-first" className="text-2xl">
        {t('listenFirst')}
      </h2>
      <p className="mt-1">{t('listenFirstHint')}</p>
      {recordings.map((recording) => (
        <div key={recording.id} className="mt-3">
          <RecordingFigure recording={recording} locale={locale} />
        </div>
      ))}
      <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {pictograms.map((p, i) => (
          <li key={i} className="flex flex-col items-center gap-1 rounded bg-white p-2 text-center">
            <Icon node={p.icon} className="size-12 text-brand" strokeWidth={1.5} />
            <span>{p.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
