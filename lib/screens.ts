import { createHash } from 'node:crypto';
import { recordings } from '@/catalogue/media';
import { isLocale, type Locale } from '@/i18n/locales';
import type { Screen } from '@/db/schema';

/**
 * Office screens' health and playlist (issue 15): each screen says every SCREEN_CHECK_SECONDS that it is
 * alive and what it plays (app/api/screens/[screenId]/seen), and hears back its playlist's version; a
 * version other than the one it plays makes it load the page again when it is online.
 */

/** A short fingerprint of a playlist: it changes when anything the screen would play changes. */
export function playlistVersion(items: Screen['items']): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
}

/** What a screen says it plays: `<recording id>:<captions language>`, a video the catalogue has. */
export function parsePlaying(value: unknown): { recording: string; language: Locale } | null {
  if (typeof value !== 'string' || value.length > 120) return null;
  const [recording = '', language = '', ...rest] = value.split(':');
  if (rest.length > 0 || !isLocale(language)) return null;
  const found = recordings.find((r) => r.id === recording && r.kind === 'video');
  return found ? { recording: found.id, language } : null;
}
