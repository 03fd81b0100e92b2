import { formattingLocale, type Locale } from './locales';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The one way a date is written, in every page of the journey, the receipt and tracking: "2 tháng 12, 2026"
 * (the month in words cannot be misread as day/month or month/day). Formatted in the province's formatting
 * locale whatever the page language (Intl has no Hmong/Tày data) and in the province's time zone.
 */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(formattingLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** A calendar day stored as `YYYY-MM-DD` (a fact's check date), written as formatDate writes dates. */
export function formatDay(day: string, locale: Locale): string {
  // Midnight UTC is 07:00 in the province: the same day.
  return formatDate(new Date(`${day}T00:00:00Z`), locale);
}

/**
 * Date and time, for status changes: the same date as formatDate, then the 24-hour time, "2 tháng 12, 2026,
 * 13:08". Composed from formatDate rather than asked of Intl in one go, which wrote "13:08 02/12/2026"
 * beside the receipt's "2 tháng 12, 2026": two formats of one date on one journey.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(formattingLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
  return `${formatDate(date, locale)}, ${time}`;
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
