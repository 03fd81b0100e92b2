import type { Locale } from '@/i18n/locales';

/** Every internal link carries its language, so shared links and QR codes keep the reader's language. */
export function localePath(locale: Locale, path = ''): string {
  return `/${locale}${path}`;
}

export const paths = {
  home: () => '',
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
  lifeEvent: (id: string) => `/life-events/${id}`,
  procedure: (id: string) => `/procedures/${id}`,
  apply: (id: string) => `/procedures/${id}/apply`,
};
