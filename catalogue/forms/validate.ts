import { z } from 'zod';
import { dayNumber, todayInVietnam, yearsBetween, type CalendarDate } from './calendar';
import { citizenIdProblem, parseCitizenId } from './citizenId';
import { hasControlCharacters, normaliseText } from './text';
import type { AnswerValue, Answers, DateAnswer, Question } from './types';

/**
 * Server-side validation of one question's fields. Returns every error, each tied to the input it is
 * about, as a message key (apply.errors.<key>) with values, so the page can render them in any language.
 */

export interface FieldError {
  /** The id of the input the error is about, for the error summary link and `aria-describedby`. */
  readonly field: string;
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type Validation = { ok: true; value: AnswerValue } | { ok: false; errors: FieldError[] };

export interface ValidationContext {
  /** Answers given so far, for cross-checks (citizen ID against date of birth). */
  readonly answers: Answers;
  readonly communeIds: readonly string[];
  /** The instant of the check; dates are judged by the calendar in Vietnam at that instant. */
  readonly now: Date;
}

/** Reads a submitted field; absent and non-string values (a file where text was expected) read as ''. */
export type FieldReader = (name: string) => string;

// Letters and combining marks of any script (Vietnamese, RPA Hmong, Tày-Nùng), spaces, hyphens, apostrophes.
const NAME = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;
/** A full name has at least two letters ("Ý" alone is a given name, not a full name). */
const NAME_MIN_LETTERS = 2;

const fail = (field: string, key: string, values?: FieldError['values']): Validation => ({
  ok: false,
  errors: [{ field, key, ...(values ? { values } : {}) }],
});

/** The inputs a question is answered with: a date has three. */
export function fieldNames(question: Question): string[] {
  const id = question.id;
  return question.kind === 'date' ? [`${id}-day`, `${id}-month`, `${id}-year`] : [id];
}

/**
 * Validates what the person typed, after normalising it as it will be stored (NFC, invisible characters
 * removed: ./text.ts), and returns that normalised value. A control character in any field is refused
 * before anything else: nothing that carries one is ever stored or sent.
 */
export function validateAnswer(question: Question, rawRead: FieldReader, ctx: ValidationContext): Validation {
  const read: FieldReader = (name) => normaliseText(rawRead(name));
  const multiline = question.kind === 'text' && question.multiline === true;
  for (const field of fieldNames(question)) {
    if (hasControlCharacters(read(field), multiline)) {
      return fail(
        question.kind === 'choice' ? `${field}-${question.options[0]}` : field,
        'control-characters',
      );
    }
  }
  return validateNormalised(question, read, ctx);
}

function validateNormalised(question: Question, read: FieldReader, ctx: ValidationContext): Validation {
  const id = question.id;
  switch (question.kind) {
    case 'name': {
      // Kept as typed (diacritics, minority orthographies) in NFC, outer spaces trimmed, inner ones single.
      const value = read(id).trim().replace(/\s+/g, ' ');
      if (!value) return question.optional ? { ok: true, value: '' } : fail(id, 'required-text');
      if (value.length > 100) return fail(id, 'too-long', { max: 100 });
      if (!NAME.test(value)) return fail(id, 'name-characters');
      if ((value.match(/\p{L}/gu) ?? []).length < NAME_MIN_LETTERS) return fail(id, 'name-too-short');
      return { ok: true, value };
    }
    case 'text': {
      const value = read(id).trim();
      if (!value) return question.optional ? { ok: true, value: '' } : fail(id, 'required-text');
      if (value.length > question.maxLength) return fail(id, 'too-long', { max: question.maxLength });
      return { ok: true, value };
    }
    case 'choice': {
      const value = read(id);
      if (!value)
        return question.optional
          ? { ok: true, value: '' }
          : fail(`${id}-${question.options[0]}`, 'required-choice');
      if (!question.options.includes(value)) return fail(`${id}-${question.options[0]}`, 'choice-invalid');
      return { ok: true, value };
    }
    case 'commune': {
      const value = read(id);
      if (!value) return fail(id, 'required-choice');
      if (!ctx.communeIds.includes(value)) return fail(id, 'commune-invalid');
      return { ok: true, value };
    }
    case 'number': {
      const raw = read(id).trim();
      if (!raw) return fail(id, 'required-text');
      const parsed = z.coerce.number().int().min(question.min).max(question.max).safeParse(raw);
      if (!/^\d+$/.test(raw) || !parsed.success)
        return fail(id, 'number-range', { min: question.min, max: question.max });
      return { ok: true, value: String(parsed.data) };
    }
    case 'phone': {
      const value = read(id).trim();
      if (!value) return fail(id, 'required-text');
      const normalised = normalisePhone(value);
      if (!normalised) return fail(id, 'phone-invalid');
      return { ok: true, value: normalised };
    }
    case 'citizen-id': {
      const value = read(id).replace(/[\s.-]/g, '');
      if (!value) return question.optional ? { ok: true, value: '' } : fail(id, 'required-text');
      if (!/^\d{12}$/.test(value)) return fail(id, 'cid-format');
      const facts = parseCitizenId(value);
      if (!facts) return fail(id, citizenIdProblem(value) === 'century' ? 'cid-century' : 'cid-province');
      if (facts.birthYear > todayInVietnam(ctx.now).year) return fail(id, 'cid-century');
      const dob = question.dateOfBirth ? ctx.answers[question.dateOfBirth] : undefined;
      if (dob && typeof dob === 'object' && 'year' in dob && Number(dob.year) !== facts.birthYear) {
        return fail(id, 'cid-year', { cidYear: facts.birthYear, year: dob.year });
      }
      const sex = question.sex ? ctx.answers[question.sex] : undefined;
      if (typeof sex === 'string' && sex && sex !== facts.sex) return fail(id, 'cid-sex');
      if (question.sexIs && question.sexIs !== facts.sex) return fail(id, `cid-not-${question.sexIs}`);
      return { ok: true, value };
    }
    case 'date':
      return validateDate(question, read, ctx);
    case 'file':
      // Files are checked (type by content, size) when uploaded; see lib/uploads.ts.
      return question.optional ? { ok: true, value: '' } : fail(id, 'required-file');
  }
}

/**
 * Landline area codes since the 2017 renumbering: 0 + area code + subscriber number, 11 digits in all
 * (024 Hà Nội and 028 Hồ Chí Minh City with 8-digit numbers, the others 2xx with 7 digits). Unverified
 * for the 2025 province mergers, which kept the telephone plan as it was.
 */
const AREA_CODES = new Set(
  '24 28 203 204 205 206 207 208 209 210 211 212 213 214 215 216 218 219 220 221 222 225 226 227 228 229 232 233 234 235 236 237 238 239 251 252 254 255 256 257 258 259 260 261 262 263 269 270 271 272 273 274 275 276 277 290 291 292 293 294 296 297 299'.split(
    ' ',
  ),
);
const LANDLINE_DIGITS = 11;

/**
 * A Vietnamese mobile (03/05/07/08/09 + 8 digits, 10 in all) or landline (02 + area code + subscriber,
 * 11 in all), with or without +84/84, as the 10- or 11-digit national number; null otherwise.
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : /^84\d{9,10}$/.test(digits)
      ? `0${digits.slice(2)}`
      : digits;
  if (/^0[35789]\d{8}$/.test(national)) return national;
  if (national.length === LANDLINE_DIGITS && /^02\d+$/.test(national) && isAreaCode(national))
    return national;
  return null;
}

function isAreaCode(national: string): boolean {
  return AREA_CODES.has(national.slice(1, 3)) || AREA_CODES.has(national.slice(1, 4));
}

/** A stored date answer as a calendar date (a year alone as 1 January: the earliest it can be). */
function storedDate(answer: Answers[string] | undefined): CalendarDate | null {
  if (!answer || typeof answer !== 'object' || !('year' in answer)) return null;
  const year = Number(answer.year);
  if (!Number.isInteger(year)) return null;
  return { year, month: Number(answer.month) || 1, day: Number(answer.day) || 1 };
}

function validateDate(
  question: Extract<Question, { kind: 'date' }>,
  read: FieldReader,
  ctx: ValidationContext,
): Validation {
  const id = question.id;
  const raw: DateAnswer = {
    day: read(`${id}-day`).trim(),
    month: read(`${id}-month`).trim(),
    year: read(`${id}-year`).trim(),
  };
  const errors: FieldError[] = [];
  const yearOnly = question.allowYearOnly && !raw.day && !raw.month;

  if (!raw.day && !raw.month && !raw.year) {
    return question.optional
      ? { ok: true, value: '' }
      : fail(`${id}-day`, question.allowYearOnly ? 'date-required-year' : 'date-required');
  }
  if (!yearOnly) {
    if (!raw.day) errors.push({ field: `${id}-day`, key: 'date-missing-day' });
    if (!raw.month) errors.push({ field: `${id}-month`, key: 'date-missing-month' });
  }
  if (!raw.year) errors.push({ field: `${id}-year`, key: 'date-missing-year' });
  if (errors.length > 0) return { ok: false, errors };

  for (const [part, value, max] of [
    ['day', raw.day, 31],
    ['month', raw.month, 12],
  ] as const) {
    if (yearOnly) break;
    if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > max) {
      errors.push({ field: `${id}-${part}`, key: 'date-real' });
    }
  }
  if (!/^\d{4}$/.test(raw.year)) errors.push({ field: `${id}-year`, key: 'date-year-digits' });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 1) };

  const year = Number(raw.year);
  const month = yearOnly ? 1 : Number(raw.month);
  const day = yearOnly ? 1 : Number(raw.day);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`${id}-day`, 'date-real');
  }
  const today = todayInVietnam(ctx.now);
  const given: CalendarDate = { year, month, day };
  const first = yearOnly ? `${id}-year` : `${id}-day`;
  if (year < 1900) return fail(`${id}-year`, 'date-too-early');
  if (question.notInFuture && dayNumber(given) > dayNumber(today)) return fail(first, 'date-future');
  if (question.maxYearsAgo !== undefined && yearsBetween(given, today) >= question.maxYearsAgo) {
    return fail(`${id}-year`, 'date-too-old', { years: question.maxYearsAgo });
  }
  if (question.minAge !== undefined && yearsBetween(given, today) < question.minAge) {
    return fail(`${id}-year`, 'date-too-young', { years: question.minAge });
  }
  const child = question.yearsBefore ? storedDate(ctx.answers[question.yearsBefore.question]) : null;
  if (question.yearsBefore && child && yearsBetween(given, child) < question.yearsBefore.years) {
    return fail(`${id}-year`, 'date-parent-too-young', { years: question.yearsBefore.years });
  }
  const birth = question.notBefore ? storedDate(ctx.answers[question.notBefore]) : null;
  if (birth && dayNumber(given) < dayNumber(birth)) {
    return fail(first, 'date-before-birth', { year: birth.year });
  }
  const value: DateAnswer = yearOnly
    ? { day: '', month: '', year: String(year) }
    : { day: String(day), month: String(month), year: String(year) };
  return { ok: true, value };
}
