import { lifeEvents, procedures } from '@/catalogue';
import { recordings } from '@/catalogue/media';
import { defaultLocale, locales, type Locale } from '@/i18n/locales';
import { flatMessages, keySource } from '@/i18n/messages';

export interface Share {
  /** In the language's own words, reviewed. */
  readonly reviewed: number;
  /** In the language's own words, a draft nobody fluent has checked. */
  readonly draft: number;
  readonly total: number;
}

export interface LanguageCoverage {
  readonly locale: Locale;
  /** Interface strings (everything but the catalogue). */
  readonly interface: Share;
  /** Guide texts: life events, procedures, documents (messages under `catalogue.`). */
  readonly guides: Share;
  /** Guides with an audio recording spoken in the language. */
  readonly audio: Share;
  /** Guides with a video spoken in the language. */
  readonly video: Share;
  /** Guide videos (in any language) with captions in the language. */
  readonly captions: Share;
}

const guides = [
  ...procedures.map((p) => ({ kind: 'procedure' as const, id: p.id })),
  ...lifeEvents.map((e) => ({ kind: 'life-event' as const, id: e.id })),
];

/** How many of `keys` a language shows in its own words, reviewed or draft. */
export function stringShare(locale: Locale, keys: readonly string[]): Share {
  let reviewed = 0;
  let draft = 0;
  for (const key of keys) {
    const source = keySource(locale, key);
    if (source === 'own') reviewed += 1;
    else if (source === 'draft') draft += 1;
  }
  return { reviewed, draft, total: keys.length };
}

/** How many guides have a recording of `kind` in `locale`, official ones counted as reviewed. */
function recorded(locale: Locale, kind: 'audio' | 'video'): Share {
  let reviewed = 0;
  let draft = 0;
  for (const guide of guides) {
    const own = recordings.filter(
      (r) =>
        r.kind === kind && r.language === locale && r.guide.kind === guide.kind && r.guide.id === guide.id,
    );
    if (own.some((r) => r.origin === 'official')) reviewed += 1;
    else if (own.length > 0) draft += 1;
  }
  return { reviewed, draft, total: guides.length };
}

function captioned(locale: Locale): Share {
  const videos = recordings.filter((r) => r.kind === 'video');
  let reviewed = 0;
  let draft = 0;
  for (const video of videos) {
    const text = video.texts.find((t) => t.language === locale);
    if (!text) continue;
    if (text.status === 'draft') draft += 1;
    else reviewed += 1;
  }
  return { reviewed, draft, total: videos.length };
}

/**
 * What each language has, for the public languages page and `npm run i18n:coverage`. Sample recordings
 * count as drafts: they are placeholders until the province records its own.
 */
export function languageCoverage(locale: Locale): LanguageCoverage {
  const keys = [...flatMessages(defaultLocale).keys()];
  return {
    locale,
    interface: stringShare(
      locale,
      keys.filter((k) => !k.startsWith('catalogue.')),
    ),
    guides: stringShare(
      locale,
      keys.filter((k) => k.startsWith('catalogue.')),
    ),
    audio: recorded(locale, 'audio'),
    video: recorded(locale, 'video'),
    captions: captioned(locale),
  };
}

export const allLanguageCoverage = () => locales.map(languageCoverage);

/** A share as a percentage with one decimal (the same figure the script prints and the page shows). */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * part) / total) / 10;
}
