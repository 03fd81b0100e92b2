import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '@/catalogue/forms/calendar';
import { parseCitizenId, PROVINCE_CODES } from '@/catalogue/forms/citizenId';
import { findJourney, journeys } from '@/catalogue/forms/journeys';
import type { Answers, Question } from '@/catalogue/forms/types';
import { normalisePhone, validateAnswer, type ValidationContext } from '@/catalogue/forms/validate';
import { connect } from '@/db/client';
import { createDraft, findDraftByResumeCode, saveLastAttempt } from '@/db/queries/drafts';
import { locales } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { randomCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import viMessages from '@/messages/vi.json';
import { databaseTargets } from '../support/db';

// Issue 13, items 4, 6, 8 and 9: what the validators do with hostile, invisible and implausible input.

const NOW = new Date('2026-11-24T05:00:00Z'); // 12:00 on 24 November 2026 in Vietnam
const ctx = (answers: Answers = {}, now = NOW): ValidationContext => ({
  answers,
  communeIds: ['tan-quang'],
  now,
});
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const question = (id: string): Question => {
  for (const journey of journeys)
    for (const section of journey.sections) for (const q of section.questions) if (q.id === id) return q;
  throw new Error(id);
};
const date = (day: string, month: string, year: string) => ({ day, month, year });
const dateFields = (id: string, d: { day: string; month: string; year: string }) => ({
  [`${id}-day`]: d.day,
  [`${id}-month`]: d.month,
  [`${id}-year`]: d.year,
});
const keyOf = (result: ReturnType<typeof validateAnswer>) => (result.ok ? 'ok' : result.errors[0]!.key);

describe('control characters (item 4)', () => {
  it('refuses a NUL or another control character in every kind of field, next to that field', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['applicant-name', { 'applicant-name': 'Giàng\u0000 Thị Mỷ' }, 'applicant-name'],
      ['residence-village', { 'residence-village': 'Thôn\u0000' }, 'residence-village'],
      ['hardship-details', { 'hardship-details': 'Lũ\u0007 cuốn' }, 'hardship-details'],
      ['applicant-phone', { 'applicant-phone': '0912\u0000345678' }, 'applicant-phone'],
      ['applicant-cid', { 'applicant-cid': '002195012345\u0000' }, 'applicant-cid'],
      ['household-size', { 'household-size': '5\u0000' }, 'household-size'],
      ['applicant-sex', { 'applicant-sex': 'female\u0000' }, 'applicant-sex-female'],
      ['office-commune', { 'office-commune': 'tan-quang\u0000' }, 'office-commune'],
      ['child-dob', dateFields('child-dob', date('1', '1\u0000', '2026')), 'child-dob-month'],
    ];
    for (const [id, typed, field] of cases) {
      const result = validateAnswer(question(id), reader(typed), ctx());
      expect(result, id).toEqual({ ok: false, errors: [{ field, key: 'control-characters' }] });
    }
  });

  it('keeps newlines and tabs in a multi-line answer only', () => {
    expect(
      keyOf(validateAnswer(question('hardship-details'), reader({ 'hardship-details': 'a\nb\tc' }), ctx())),
    ).toBe('ok');
    expect(
      keyOf(validateAnswer(question('residence-village'), reader({ 'residence-village': 'a\nb' }), ctx())),
    ).toBe('control-characters');
  });
});

describe.each(databaseTargets)('a refused attempt with a NUL byte on $name (item 4)', ({ options }) => {
  const conn = connect(options);
  beforeAll(() => conn.migrate());
  afterAll(() => conn.close());

  it('is kept to show again, without its control characters, instead of failing the request', async () => {
    const draft = await createDraft(conn.db, {
      sessionHash: 'n'.repeat(64),
      journeyId: 'register-birth',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 1,
    });
    await saveLastAttempt(conn.db, draft.id, {
      questionId: 'applicant-name',
      values: { 'applicant-name': 'Giàng\u0000 Thị\u001B Mỷ\u202E' },
      errors: [{ field: 'applicant-name', key: 'control-characters' }],
    });
    const saved = await findDraftByResumeCode(conn.db, draft.resumeCode);
    expect(saved!.lastAttempt!.values).toEqual({ 'applicant-name': 'Giàng Thị Mỷ' });
  });
});

describe('text is normalised before it is judged and stored (item 6)', () => {
  const name = question('applicant-name');
  it('stores NFD Vietnamese as NFC', () => {
    const result = validateAnswer(name, reader({ 'applicant-name': 'Nguye\u0302\u0303n Văn A' }), ctx());
    expect(result).toEqual({ ok: true, value: 'Nguyễn Văn A' });
    expect(formText(formOf({ x: 'Nguye\u0302\u0303n' }), 'x')).toBe('Nguyễn');
  });

  it('removes zero-width and other invisible characters from inside values', () => {
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E', '\u00AD']) {
      expect(validateAnswer(name, reader({ 'applicant-name': `Giàng${invisible} Thị Mỷ` }), ctx())).toEqual({
        ok: true,
        value: 'Giàng Thị Mỷ',
      });
      const village = question('residence-village');
      expect(validateAnswer(village, reader({ 'residence-village': `Nà${invisible}Pồng` }), ctx())).toEqual({
        ok: true,
        value: 'NàPồng',
      });
    }
    expect(formText(formOf({ x: 'a\u200Bb\uFEFF' }), 'x')).toBe('ab');
  });

  it('refuses a required answer made only of invisible characters as empty', () => {
    for (const value of ['\u200B', '\u180E', '\u200B\u180E\uFEFF', ' \u2060 ']) {
      for (const id of ['applicant-name', 'residence-village', 'applicant-phone', 'applicant-cid']) {
        expect(keyOf(validateAnswer(question(id), reader({ [id]: value }), ctx())), id).toBe('required-text');
      }
    }
  });

  it('replaces lone surrogates, which neither UTF-8 nor PostgreSQL can carry', () => {
    const result = validateAnswer(
      question('residence-village'),
      reader({ 'residence-village': 'Nà\uD800' }),
      ctx(),
    );
    expect(result).toEqual({ ok: true, value: 'Nà\uFFFD' });
  });
});

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe('plausibility (item 8)', () => {
  it('refuses a one-letter name', () => {
    expect(keyOf(validateAnswer(question('applicant-name'), reader({ 'applicant-name': 'A' }), ctx()))).toBe(
      'name-too-short',
    );
    expect(
      keyOf(validateAnswer(question('applicant-name'), reader({ 'applicant-name': 'Lò A' }), ctx())),
    ).toBe('ok');
  });

  it('refuses an applicant born yesterday, accepts one aged 14', () => {
    const dob = question('applicant-dob');
    expect(
      keyOf(validateAnswer(dob, reader(dateFields('applicant-dob', date('23', '11', '2026'))), ctx())),
    ).toBe('date-too-young');
    expect(
      keyOf(validateAnswer(dob, reader(dateFields('applicant-dob', date('25', '11', '2012'))), ctx())),
    ).toBe('date-too-young');
    expect(
      keyOf(validateAnswer(dob, reader(dateFields('applicant-dob', date('24', '11', '2012'))), ctx())),
    ).toBe('ok');
  });

  it('refuses someone marrying under 18', () => {
    const dob = question('partner1-dob');
    expect(
      keyOf(validateAnswer(dob, reader(dateFields('partner1-dob', date('1', '1', '2010'))), ctx())),
    ).toBe('date-too-young');
  });

  it('refuses a mother or father less than 12 years older than the child', () => {
    const answers = { 'child-dob': date('1', '11', '2026') };
    for (const id of ['mother-dob', 'father-dob']) {
      const aged6 = reader(dateFields(id, date('', '', '2020')));
      expect(keyOf(validateAnswer(question(id), aged6, ctx(answers))), id).toBe('date-parent-too-young');
      const aged20 = reader(dateFields(id, date('', '', '2006')));
      expect(keyOf(validateAnswer(question(id), aged20, ctx(answers))), id).toBe('ok');
    }
  });

  it("refuses a mother's citizen ID with the male digit and a father's with the female one", () => {
    const mother = validateAnswer(question('mother-cid'), reader({ 'mother-cid': '002095012345' }), ctx());
    expect(keyOf(mother)).toBe('cid-not-female');
    const father = validateAnswer(question('father-cid'), reader({ 'father-cid': '002190123456' }), ctx());
    expect(keyOf(father)).toBe('cid-not-male');
    expect(
      keyOf(validateAnswer(question('mother-cid'), reader({ 'mother-cid': '002195012345' }), ctx())),
    ).toBe('ok');
  });

  it('refuses a death dated before the birth of the person who died', () => {
    const answers = { 'deceased-dob': date('5', '6', '1960') };
    const death = question('death-date');
    expect(
      keyOf(validateAnswer(death, reader(dateFields('death-date', date('4', '6', '1960'))), ctx(answers))),
    ).toBe('date-before-birth');
    expect(
      keyOf(validateAnswer(death, reader(dateFields('death-date', date('5', '6', '1960'))), ctx(answers))),
    ).toBe('ok');
  });

  it('accepts the 63 province codes of Circular 07/2016 and no other', () => {
    expect(PROVINCE_CODES.size).toBe(63);
    const cid = question('applicant-cid');
    for (let code = 0; code <= 999; code += 1) {
      const id = `${String(code).padStart(3, '0')}195012345`;
      const result = validateAnswer(cid, reader({ 'applicant-cid': id }), ctx());
      expect(keyOf(result), id).toBe(PROVINCE_CODES.has(code) ? 'ok' : 'cid-province');
    }
    expect(keyOf(validateAnswer(cid, reader({ 'applicant-cid': '000195012345' }), ctx()))).toBe(
      'cid-province',
    );
    expect(keyOf(validateAnswer(cid, reader({ 'applicant-cid': '003195012345' }), ctx()))).toBe(
      'cid-province',
    );
  });

  it('reads century digits as the circular encodes them and refuses those no living person carries', () => {
    expect(parseCitizenId('002095012345')).toEqual({ provinceCode: 2, sex: 'male', birthYear: 1995 });
    expect(parseCitizenId('002312012345')).toEqual({ provinceCode: 2, sex: 'female', birthYear: 2012 });
    const cid = question('applicant-cid');
    for (const digit of ['4', '5', '6', '7', '8', '9']) {
      const id = `002${digit}95012345`;
      expect(parseCitizenId(id), id).toBeNull();
      expect(keyOf(validateAnswer(cid, reader({ 'applicant-cid': id }), ctx())), id).toBe('cid-century');
    }
    // 21st century, but a birth year still to come.
    expect(keyOf(validateAnswer(cid, reader({ 'applicant-cid': '002230012345' }), ctx()))).toBe(
      'cid-century',
    );
  });

  it('takes 10-digit mobiles and 11-digit landlines with a real area code, nothing shorter', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('(0219) 3812 345')).toBe('02193812345');
    expect(normalisePhone('024 3812 3456')).toBe('02438123456');
    expect(normalisePhone('+84 24 3812 3456')).toBe('02438123456');
    expect(normalisePhone('84 24 3812 3456')).toBe('02438123456');
    for (const wrong of ['3812 3456', '0243 8123', '02438123', '0219381234', '024381234567', '02012345678'])
      expect(normalisePhone(wrong), wrong).toBeNull();
  });
});

describe('"today" is the date in Vietnam (item 9)', () => {
  const lateEvening = new Date('2026-12-02T18:30:00Z'); // already 01:30 on 3 December in Vietnam
  it('reads the calendar date in Asia/Ho_Chi_Minh', () => {
    expect(todayInVietnam(lateEvening)).toEqual({ year: 2026, month: 12, day: 3 });
    expect(todayInVietnam(new Date('2026-12-02T16:59:59Z'))).toEqual({ year: 2026, month: 12, day: 2 });
  });

  it('accepts a birth today in Vietnam while it is still yesterday in UTC, refuses tomorrow', () => {
    const dob = question('child-dob');
    const at = (d: string) =>
      keyOf(
        validateAnswer(dob, reader(dateFields('child-dob', date(d, '12', '2026'))), ctx({}, lateEvening)),
      );
    expect(at('3')).toBe('ok');
    expect(at('4')).toBe('date-future');
  });

  it('ends the birth bundle’s six years on the Vietnamese date', () => {
    const dob = findJourney('birth-bundle')!
      .sections.flatMap((s) => s.questions)
      .find((q) => q.id === 'child-dob')!;
    const result = validateAnswer(
      dob,
      reader(dateFields('child-dob', date('3', '12', '2020'))),
      ctx({}, lateEvening),
    );
    expect(keyOf(result)).toBe('date-too-old');
  });
});

describe('error messages (item 8)', () => {
  it('start with a capital letter in every locale, whatever field they name', () => {
    const values = { max: 100, min: 1, years: 6, year: 1990, cidYear: 1995, count: 1 };
    const keys = Object.keys(viMessages.apply.errors).filter((k) => k !== 'titlePrefix');
    const questionIds = new Set(
      journeys.flatMap((j) => j.sections.flatMap((s) => s.questions.map((q) => q.id))),
    );
    for (const locale of locales) {
      const errors = getT(locale, 'apply.errors');
      const labels = getT(locale, 'apply.questions');
      for (const id of questionIds) {
        const field = labels.text(`${id}.short` as KeyIn<'apply.questions'>);
        for (const key of keys) {
          const message = errors.text(key as KeyIn<'apply.errors'>, { field, ...values });
          expect(message, `${locale} ${key} (${id})`).toMatch(/^\p{Lu}/u);
        }
      }
    }
  });
});
