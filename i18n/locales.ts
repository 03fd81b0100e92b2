/**
 * The languages the portal speaks. The message language (URL prefix, `<html lang>`, which JSON file) is
 * kept apart from the formatting locale: Node's Intl has no CLDR data for Hmong, Tày, Dao or Nùng and
 * would silently format their dates and numbers the American way, so those borrow Vietnamese conventions.
 */
export const locales = ['vi', 'hmn', 'tyz', 'ium', 'nut', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

export interface LocaleInfo {
  /** The language's name in itself, shown in the language switcher. */
  readonly autonym: string;
  /** BCP 47 tag used for Intl date, number and plural formatting. */
  readonly formattingLocale: 'vi' | 'en';
  /** Whether the translation is complete and reviewed, or a partial draft that falls back to Vietnamese. */
  readonly completeness: 'complete' | 'partial';
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  vi: { autonym: 'Tiếng Việt', formattingLocale: 'vi', completeness: 'complete' },
  // RPA spelling ("Hmoob") is the one most Hmong readers know (2014 survey, ~69%); see docs/adr/0004.
  hmn: { autonym: 'Lus Hmoob', formattingLocale: 'vi', completeness: 'partial' },
  tyz: { autonym: 'Tày', formattingLocale: 'vi', completeness: 'partial' },
  ium: { autonym: 'Iu Mienh', formattingLocale: 'vi', completeness: 'partial' },
  nut: { autonym: 'Nùng', formattingLocale: 'vi', completeness: 'partial' },
  en: { autonym: 'English', formattingLocale: 'en', completeness: 'complete' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function formattingLocale(locale: Locale): string {
  return localeInfo[locale].formattingLocale;
}
