import { Download, FileText, Headphones, Video } from 'lucide';
import type { ReactNode } from 'react';
import { textFor, type Recording } from '@/catalogue/media';
import { Icon } from '@/components/ui/Icon';
import { formatNumber } from '@/i18n/format';
import { localeInfo, type Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { publicCueTexts } from '@/lib/webVtt';

/**
 * Audio and video for a guide. Native players with `preload="none"`: the page costs no media bytes until
 * someone presses play, which matters on prepaid data; each file's size is printed beside a download link
 * so people can decide (and keep it for later). Videos carry one captions track per language they have
 * words in, the page's own language showing by default; every recording has its words as a transcript.
 */
export function GuideMedia({
  recordings,
  locale,
  headingId,
  heading,
}: {
  recordings: readonly Recording[];
  locale: Locale;
  headingId: string;
  heading: ReactNode;
}) {
  if (recordings.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h2 id={headingId} className="flex items-center gap-2 text-xl">
        <Icon node={Headphones} className="size-6 shrink-0 text-brand" />
        {heading}
      </h2>
      <ul className="mt-2 space-y-6">
        {recordings.map((recording) => (
          <li key={recording.id}>
            <RecordingFigure recording={recording} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RecordingFigure({ recording, locale }: { recording: Recording; locale: Locale }) {
  const t = getT(locale, 'media');
  // The language's name in its own language, marked so ("Tiếng Việt" inside a Hmong sentence).
  const spoken = (
    <span key="language" lang={recording.language}>
      {localeInfo[recording.language].autonym}
    </span>
  );
  const transcript = textFor(recording, locale);
  const transcriptId = `transcript-${recording.id}`;
  const megabytes = formatNumber(Math.max(0.1, Math.round(recording.bytes / 100_000) / 10), locale);
  const minutes = Math.floor(recording.durationSeconds / 60);
  const seconds = Math.round(recording.durationSeconds % 60);
  const captionTrack = (text: Recording['texts'][number]) => text.language === locale;
  const defaultTrack = recording.texts.some(captionTrack)
    ? locale
    : recording.texts.some((x) => x.language === recording.language)
      ? recording.language
      : undefined;

  return (
    <figure className="rounded-lg border-2 border-slate-300 p-3">
      <figcaption className="flex flex-wrap items-center gap-x-2 gap-y-1 font-bold">
        <Icon node={recording.kind === 'video' ? Video : Headphones} className="size-5 shrink-0" />
        <span>
          {recording.kind === 'video'
            ? t.rich('videoIn', { language: spoken })
            : t.rich('audioIn', { language: spoken })}
        </span>
        <span className="font-normal">· {t('duration', { minutes, seconds })}</span>
        {recording.origin === 'sample' && (
          <span
            className="rounded border border-sample px-1.5 text-xs text-sample"
            data-media-origin="sample"
          >
            {t('sample')}
          </span>
        )}
      </figcaption>
      {recording.origin === 'sample' && recording.voice === 'synthetic' && (
        <p className="mt-1 text-sm">{t('syntheticVoice')}</p>
      )}
      {recording.kind === 'video' ? (
        <video
          controls
          preload="none"
          playsInline
          poster={recording.poster}
          width={recording.width}
          height={recording.height}
          className="mt-2 h-auto w-full max-w-lg bg-black"
        >
          <source src={recording.file} type={recording.type} />
          {recording.texts.map((text) => (
            <track
              key={text.language}
              kind="captions"
              src={text.file}
              srcLang={text.language}
              label={localeInfo[text.language].autonym}
              default={text.language === defaultTrack}
              data-translation-status={text.status}
            />
          ))}
          {t('noPlayer')}
        </video>
      ) : (
        <audio controls preload="none" src={recording.file} className="mt-2 w-full max-w-lg">
          {t('noPlayer')}
        </audio>
      )}
      {recording.kind === 'video' && recording.texts.length > 0 && (
        <p className="mt-1 text-sm">
          {t('captions')}{' '}
          {recording.texts.map((text, i) => (
            <span key={text.language} lang={text.language}>
              {i > 0 && ', '}
              {localeInfo[text.language].autonym}
              {text.status === 'draft' && <span lang={locale}> ({t('draft')})</span>}
            </span>
          ))}
        </p>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <a href={recording.file} download className="inline-flex min-h-11 items-center gap-1">
          <Icon node={Download} className="size-5 shrink-0" />
          {recording.kind === 'video'
            ? t('downloadVideo', { size: megabytes })
            : t('downloadAudio', { size: megabytes })}
        </a>
        {transcript && (
          <a href={`#${transcriptId}`} className="inline-flex min-h-11 items-center gap-1">
            <Icon node={FileText} className="size-5 shrink-0" />
            {t('readTranscript')}
          </a>
        )}
      </p>
      {/* The link targets the words inside the closed <details>: Chromium opens it on fragment navigation. */}
      {transcript && (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {t('transcript')}
            {transcript.status === 'draft' && <> ({t('draft')})</>}
          </summary>
          <div
            id={transcriptId}
            lang={transcript.language}
            data-translation-status={transcript.status}
            className="mt-1"
          >
            {publicCueTexts(transcript.file).map((line, i) => (
              <p key={i} className="mt-1">
                {line}
              </p>
            ))}
          </div>
        </details>
      )}
    </figure>
  );
}
