import { formattingLocale, type Locale } from './locales';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A date as people in the province write it, whatever the page language: Intl has no Hmong/Tày data. */
export function formatDate(date: Date, locale: Locale, style: 'short' | 'long' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE };
  return new Intl.DateTimeFormat(formattingLocale(locale), options).format(date);
}

/** Date and time, for status changes: "24/11/2026, 10:05" in Vietnamese order. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(formattingLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(formattingLocale(locale)).format(value);
}

/** Fees are in đồng; Vietnamese convention is "50.000 ₫". */
export function formatVnd(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(formattingLocale(locale), {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}
