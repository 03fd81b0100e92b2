import { z } from 'zod';
import { localeInfo, locales, type Locale } from '@/i18n/locales';
import type { GuideRef } from './types';
import data from './media/recordings.json';

/**
 * Recordings of the guides: audio narration and guide videos, one entry per file, described as data so the
 * province can replace the samples with its own recordings without a code change (docs/adr/0012). Each
 * recording names the guide it belongs to, the language spoken, its size and length (shown so people on
 * prepaid data can decide), and one WebVTT file per language it has words in: captions for a video, a
 * timed transcript for audio.
 */
const mediaPath = z.string().regex(/^\/media\/[a-z0-9/._-]+$/);

const recordingSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  guide: z.object({ kind: z.enum(['procedure', 'life-event']), id: z.string() }),
  kind: z.enum(['audio', 'video']),
  /** The language spoken. */
  language: z.enum(locales),
  file: mediaPath,
  type: z.enum(['audio/mpeg', 'audio/mp4', 'video/mp4']),
  bytes: z.number().int().positive(),
  durationSeconds: z.number().positive(),
  poster: mediaPath.optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  texts: z.array(
    z.object({
      language: z.enum(locales),
      file: mediaPath,
      /** `source`: the words as recorded; `draft`: a translation nobody fluent has reviewed yet. */
      status: z.enum(['source', 'draft', 'reviewed']),
    }),
  ),
  /** `sample` recordings are placeholders made by scripts/makeSampleMedia.ts and are labelled as such. */
  origin: z.enum(['sample', 'official']),
  voice: z.enum(['synthetic', 'human']),
});

export type Recording = z.infer<typeof recordingSchema>;

export const recordings: readonly Recording[] = z
  .object({ recordings: z.array(recordingSchema) })
  .parse(data).recordings;

export function recordingsFor(guide: GuideRef): Recording[] {
  return recordings.filter((r) => r.guide.kind === guide.kind && r.guide.id === guide.id);
}

/** The recordings a page in `locale` offers: those spoken in its language first, then the rest. */
export function recordingsForPage(guide: GuideRef, locale: Locale): Recording[] {
  const all = recordingsFor(guide);
  return [...all.filter((r) => r.language === locale), ...all.filter((r) => r.language !== locale)];
}

/** The words of a recording in `locale`, else in the language spoken. */
export function textFor(recording: Recording, locale: Locale) {
  return (
    recording.texts.find((t) => t.language === locale) ??
    recording.texts.find((t) => t.language === recording.language)
  );
}

/**
 * Recordings a page plays before its text: a language with its own audio whose text is mostly Vietnamese
 * fallback (Hmong, Tày, Dao, Nùng) puts that audio first, with pictures.
 */
export function recordingsToHearFirst(pageRecordings: readonly Recording[], locale: Locale): Recording[] {
  if (localeInfo[locale].completeness !== 'partial') return [];
  return pageRecordings.filter((r) => r.kind === 'audio' && r.language === locale);
}
