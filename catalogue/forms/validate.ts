import { z } from 'zod';
import { parseCitizenId } from './citizenId';
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
  readonly today: Date;
}

/** Reads a submitted field; absent and non-string values (a file where text was expected) read as ''. */
export type FieldReader = (name: string) => string;

// C0/C1 control characters and the Unicode bidi overrides that can disguise text; tabs and newlines are
// allowed only where a question is multi-line.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_INLINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// Letters and combining marks of any script (Vietnamese, RPA Hmong, Tày-Nùng), spaces, hyphens, apostrophes.
const NAME = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;

const fail = (field: string, key: string, values?: FieldError['values']): Validation => ({
  ok: false,
  errors: [{ field, key, ...(values ? { values } : {}) }],
});

export function validateAnswer(question: Question, read: FieldReader, ctx: ValidationContext): Validation {
  const id = question.id;
  switch (question.kind) {
    case 'name': {
      // Kept exactly as typed (diacritics, minority orthographies), only outer spaces trimmed.
      const value = read(id).trim();
      if (!value) return question.optional ? { ok: true, value: '' } : fail(id, 'required-text');
      if (value.length > 100) return fail(id, 'too-long', { max: 100 });
      if (CONTROL_INLINE.test(value)) return fail(id, 'control-characters');
      if (!NAME.test(value.normalize('NFC').replace(/\s+/g, ' '))) return fail(id, 'name-characters');
      return { ok: true, value };
    }
    case 'text': {
      const value = read(id).trim();
      if (!value) return question.optional ? { ok: true, value: '' } : fail(id, 'required-text');
      if (value.length > question.maxLength) return fail(id, 'too-long', { max: question.maxLength });
      if ((question.multiline ? CONTROL : CONTROL_INLINE).test(value)) return fail(id, 'control-characters');
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
      if (!facts) return fail(id, 'cid-province');
      const dob = question.dateOfBirth ? ctx.answers[question.dateOfBirth] : undefined;
      if (dob && typeof dob === 'object' && 'year' in dob && Number(dob.year) !== facts.birthYear) {
        return fail(id, 'cid-year', { cidYear: facts.birthYear, year: dob.year });
      }
      const sex = question.sex ? ctx.answers[question.sex] : undefined;
      if (typeof sex === 'string' && sex && sex !== facts.sex) return fail(id, 'cid-sex');
      return { ok: true, value };
    }
    case 'date':
      return validateDate(question, read, ctx.today);
    case 'file':
      // Files are checked (type by content, size) when uploaded; see lib/uploads.ts.
      return question.optional ? { ok: true, value: '' } : fail(id, 'required-file');
  }
}

/** Vietnamese mobile (03/05/07/08/09 + 8 digits) or landline (02 + 9 digits), with or without +84. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return national;
  return null;
}

function validateDate(
  question: Extract<Question, { kind: 'date' }>,
  read: FieldReader,
  today: Date,
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
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (year < 1900) return fail(`${id}-year`, 'date-too-early');
  if (question.notInFuture && date.getTime() > todayUtc) return fail(`${id}-day`, 'date-future');
  if (question.maxYearsAgo !== undefined) {
    const limit = Date.UTC(today.getFullYear() - question.maxYearsAgo, today.getMonth(), today.getDate());
    if (date.getTime() <= limit) return fail(`${id}-year`, 'date-too-old', { years: question.maxYearsAgo });
  }
  const value: DateAnswer = yearOnly
    ? { day: '', month: '', year: String(year) }
    : { day: String(day), month: String(month), year: String(year) };
  return { ok: true, value };
}
