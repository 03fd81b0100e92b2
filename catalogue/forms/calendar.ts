/**
 * Dates on the forms are judged in the province's calendar, whatever the server's time zone: on a UTC
 * server it is still yesterday until 07:00 in Vietnam, and a baby born this morning would be "in the future".
 */

export const PORTAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The calendar date in Vietnam at the instant `now`. */
export function todayInVietnam(now: Date): CalendarDate {
  const get = (type: string) => Number(parts.formatToParts(now).find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** A calendar date as a number of days, for comparing and subtracting dates without time zones. */
export function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/** Whole years from `from` to `to` (an age: not yet a year older the day before the birthday). */
export function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  const years = to.year - from.year;
  return to.month < from.month || (to.month === from.month && to.day < from.day) ? years - 1 : years;
}
