import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { recordings } from '@/catalogue/media';
import { guidePath, shortPath } from '@/catalogue/shortLinks';
import { ScreenPlayer, type ScreenItem } from '@/components/screens/ScreenPlayer';
import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { findScreen } from '@/db/queries/screens';
import { isLocale, localeInfo, type Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath } from '@/lib/paths';
import { env } from '@/lib/env';
import { publicOrigin, qrSvg } from '@/lib/qr';
import { playlistVersion } from '@/lib/screens';

type Props = PageProps<'/[locale]/screens/[screenId]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'screen').text('title'), robots: { index: false } };
}

/**
 * A one-stop office screen: its playlist from the database, each item a guide video with captions in the
 * item's language, the guide's title in that language and a QR code to the guide on a phone. The short
 * link carries the screen's id as its source, so scans from screens are counted apart from leaflets.
 */
export default async function ScreenPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { screenId } = await params;
  setRequestLocale(locale);
  const t = getT(locale, 'screen');
  await prepareDatabase();
  const screen = await findScreen(connection().db, screenId);
  if (!screen) {
    return (
      <main id="main-content" className="flex flex-1 items-center justify-center p-8 text-center">
        <h1 className="text-4xl">{t('unknown', { id: screenId })}</h1>
      </main>
    );
  }

  const origin = publicOrigin();
  const items: ScreenItem[] = [];
  for (const [index, item] of screen.items.entries()) {
    const recording = recordings.find((r) => r.id === item.recording && r.kind === 'video');
    if (!recording) continue;
    const language: Locale = isLocale(item.captions) ? item.captions : 'vi';
    const captions =
      recording.texts.find((x) => x.language === language) ??
      recording.texts.find((x) => x.language === recording.language);
    const namespace = recording.guide.kind === 'procedure' ? 'catalogue.procedures' : 'catalogue.lifeEvents';
    const texts = getT(language, namespace);
    const titleKey = `${recording.guide.id}.title` as Parameters<typeof texts.text>[0];
    const titleIsOwn = texts.isOwn(titleKey);
    const link = `${origin}${shortPath(recording.guide, language, `screen-${screen.id}`)}`;
    items.push({
      key: `${index}-${recording.id}-${language}`,
      playing: `${recording.id}:${language}`,
      title: texts.text(titleKey),
      titleLang: titleIsOwn ? language : 'vi',
      video: recording.file,
      videoType: recording.type,
      poster: recording.poster ?? null,
      captions: captions
        ? { src: captions.file, lang: captions.language, label: localeInfo[captions.language].autonym }
        : null,
      qrSvg: await qrSvg(link),
      link: link.replace(/^https?:\/\//, ''),
      guideHref: localePath(language, guidePath(recording.guide)),
    });
  }

  return (
    <ScreenPlayer
      items={items}
      scope={localePath(locale, '/screens/')}
      seenUrl={`/api/screens/${encodeURIComponent(screen.id)}/seen`}
      version={playlistVersion(screen.items)}
      checkSeconds={env().SCREEN_CHECK_SECONDS}
      labels={{
        scan: t.text('scan'),
        nowPlaying: t.text('nowPlaying', { current: '{current}', total: '{total}' }),
        empty: t.text('empty'),
        waiting: t.text('waiting'),
      }}
    />
  );
}
