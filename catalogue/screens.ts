import type { Locale } from '@/i18n/locales';

/**
 * Seed playlists for the screens in one-stop offices (`/screens/<id>`). The database copy is what a screen
 * plays (db/seed.ts adds missing screens and never overwrites one the province has changed). Each item is
 * a guide video with the captions language to show; mixing languages makes a screen rotate through them.
 */
export interface ScreenSeed {
  readonly id: string;
  readonly communeId: string;
  readonly name: string;
  /** Language of the screen's own words (headings, "scan to open on your phone"). */
  readonly locale: Locale;
  readonly items: readonly { readonly recording: string; readonly captions: Locale }[];
}

export const screenSeeds: readonly ScreenSeed[] = [
  {
    id: 'tan-quang-1',
    communeId: 'tan-quang',
    name: 'Bộ phận Một cửa xã Tân Quang, màn hình 1',
    locale: 'vi',
    items: [
      { recording: 'register-birth-video-vi', captions: 'vi' },
      { recording: 'register-marriage-video-vi', captions: 'vi' },
      { recording: 'register-death-video-vi', captions: 'vi' },
    ],
  },
  {
    // A Hmong-speaking commune: the birth guide with Hmong captions, then each guide in Vietnamese.
    id: 'nam-dan-1',
    communeId: 'nam-dan',
    name: 'Bộ phận Một cửa xã Nậm Dần, màn hình 1',
    locale: 'vi',
    items: [
      { recording: 'register-birth-video-vi', captions: 'hmn' },
      { recording: 'register-birth-video-vi', captions: 'vi' },
      { recording: 'register-death-video-vi', captions: 'vi' },
    ],
  },
];
