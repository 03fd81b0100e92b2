import { describe, expect, it } from 'vitest';
import { maskCitizenId, parseCitizenId } from '@/catalogue/forms/citizenId';
import {
  firstUnansweredId,
  nextQuestionId,
  previousQuestionId,
  relevantAnswers,
  sectionStatuses,
  visibleQuestions,
} from '@/catalogue/forms/flow';
import { findJourney, journeys } from '@/catalogue/forms/journeys';
import type { Answers, Question } from '@/catalogue/forms/types';
import { normalisePhone, validateAnswer, type ValidationContext } from '@/catalogue/forms/validate';
import { procedures } from '@/catalogue';
import { flatMessages } from '@/i18n/messages';
import { formatCode, parseCode, randomCode } from '@/lib/codes';
import { sniffMime } from '@/lib/uploads';

const birth = findJourney('register-birth')!;
const ids = (answers: Answers) => visibleQuestions(birth, answers).map((v) => v.question.id);
const ctx = (answers: Answers = {}): ValidationContext => ({
  answers,
  communeIds: ['tan-quang'],
  now: new Date('2026-11-24T12:00:00+07:00'),
});
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const q = <K extends Question['kind']>(question: Extract<Question, { kind: K }>) => question;

describe('journeys', () => {
  it('cover the ten pilot procedures and both bundles, each filing existing procedures', () => {
    expect(journeys.map((j) => j.id).sort()).toEqual(
      [
        'birth-bundle',
        'certify-marital-status',
        'copy-civil-status-extract',
        'cultural-family-title',
        'death-bundle',
        'monthly-social-allowance',
        'recognise-household-leaving-poverty',
        'recognise-poor-household',
        'register-birth',
        'register-death',
        'register-marriage',
      ].sort(),
    );
    for (const journey of journeys) {
      for (const id of journey.procedures)
        expect(
          procedures.map((p) => p.id),
          id,
        ).toContain(id);
    }
    expect(findJourney('birth-bundle')!.procedures).toHaveLength(3);
    expect(findJourney('death-bundle')!.procedures).toHaveLength(3);
  });

  it('has wording for every question, option and section in Vietnamese and English', () => {
    for (const locale of ['vi', 'en'] as const) {
      const m = flatMessages(locale);
      for (const journey of journeys) {
        for (const section of journey.sections) {
          expect(m.has(`apply.task.sections.${section.id}`), `${locale} ${section.id}`).toBe(true);
          for (const question of section.questions) {
            for (const field of ['label', 'short'])
              expect(m.has(`apply.questions.${question.id}.${field}`), `${locale} ${question.id}`).toBe(true);
            if (question.kind === 'choice') {
              for (const o of question.options)
                expect(m.has(`apply.questions.${question.id}.options.${o}`), `${question.id}.${o}`).toBe(
                  true,
                );
            }
          }
        }
      }
    }
  });

  it('asks a shared question once in a bundle', () => {
    for (const journey of journeys) {
      const all = journey.sections.flatMap((s) => s.questions.map((x) => x.id));
      expect(new Set(all).size, journey.id).toBe(all.length);
    }
  });
});

describe('flow', () => {
  it('asks for a birth notice after a birth in a health facility, a witness otherwise', () => {
    expect(ids({ 'child-birthplace': 'health-facility' })).toContain('birth-notice');
    expect(ids({ 'child-birthplace': 'health-facility' })).not.toContain('birth-witness-name');
    expect(ids({ 'child-birthplace': 'home' })).toContain('birth-witness-name');
    expect(ids({ 'child-birthplace': 'home' })).not.toContain('birth-notice');
  });

  it('asks for the father when the parents are married, or when unmarried parents choose to name him', () => {
    expect(ids({ 'parents-married': 'yes' })).toContain('father-name');
    expect(ids({ 'parents-married': 'yes' })).not.toContain('father-declared');
    expect(ids({ 'parents-married': 'no' })).toContain('father-declared');
    expect(ids({ 'parents-married': 'no', 'father-declared': 'no' })).not.toContain('father-name');
    expect(ids({ 'parents-married': 'no', 'father-declared': 'yes' })).toContain('father-cid');
  });

  it('asks for the relationship only when applying on behalf of someone', () => {
    const copies = findJourney('certify-marital-status')!;
    const visible = (a: Answers) => visibleQuestions(copies, a).map((v) => v.question.id);
    expect(visible({ 'applying-for': 'self' })).not.toContain('relationship-to-person');
    expect(visible({ 'applying-for': 'someone-else' })).toEqual(
      expect.arrayContaining(['relationship-to-person', 'person-name']),
    );
  });

  it('drops answers to questions an earlier change has hidden', () => {
    const answers: Answers = { 'parents-married': 'no', 'father-declared': 'yes', 'father-name': 'A' };
    expect(relevantAnswers(birth, answers)).toHaveProperty('father-name');
    expect(relevantAnswers(birth, { ...answers, 'father-declared': 'no' })).not.toHaveProperty('father-name');
  });

  it('moves forwards and backwards through visible questions only', () => {
    const answers: Answers = { 'child-birthplace': 'home' };
    expect(nextQuestionId(birth, answers, 'child-birthplace')).toBe('birth-witness-name');
    expect(previousQuestionId(birth, answers, 'birth-witness-name')).toBe('child-birthplace');
    expect(previousQuestionId(birth, answers, 'relationship-to-child')).toBeNull();
    expect(nextQuestionId(birth, answers, 'office-commune')).toBeNull();
  });

  it('reports the first unanswered question and each section’s status', () => {
    expect(firstUnansweredId(birth, {})).toBe('relationship-to-child');
    const statuses = sectionStatuses(birth, { 'relationship-to-child': 'mother' });
    expect(statuses.map((s) => s.status)).toEqual([
      'in-progress',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(statuses[0]!.firstOpen).toBe('applicant-name');
  });
});

describe('validators', () => {
  const name = q<'name'>({ id: 'n', kind: 'name' });
  it('keeps names exactly as typed, with Vietnamese and minority spellings', () => {
    for (const value of [
      'Nguyễn Thị Hoa',
      'Giàng A Sử',
      'Vàng Seo Páo',
      "Ma Thị Ng'a",
      'Lò-Văn Tủa',
      'Hmoob Xyooj',
    ]) {
      expect(validateAnswer(name, reader({ n: `  ${value} ` }), ctx())).toEqual({ ok: true, value });
    }
  });

  it('refuses empty, over-long, markup and control characters in names', () => {
    const err = (v: string) => {
      const r = validateAnswer(name, reader({ n: v }), ctx());
      return r.ok ? null : r.errors[0]!.key;
    };
    expect(err('')).toBe('required-text');
    expect(err('A'.repeat(101))).toBe('too-long');
    expect(err('<b>Hoa</b>')).toBe('name-characters');
    expect(err("Robert'); DROP TABLE drafts;--")).toBe('name-characters');
    expect(err('Hoa\u0000')).toBe('control-characters');
    expect(err('Hoa\u202Eevil')).toBe('control-characters');
  });

  it('checks dates as three fields, allowing year only where the question does', () => {
    const dob = q<'date'>({ id: 'd', kind: 'date', notInFuture: true });
    const yearOnly = q<'date'>({ id: 'd', kind: 'date', allowYearOnly: true });
    const run = (question: Question, day: string, month: string, year: string) =>
      validateAnswer(question, reader({ 'd-day': day, 'd-month': month, 'd-year': year }), ctx());
    expect(run(dob, '29', '2', '2024')).toEqual({ ok: true, value: { day: '29', month: '2', year: '2024' } });
    expect(run(dob, '29', '2', '2023')).toMatchObject({ ok: false, errors: [{ key: 'date-real' }] });
    expect(run(dob, '1', '1', '2027')).toMatchObject({ ok: false, errors: [{ key: 'date-future' }] });
    expect(run(dob, '', '', '1950')).toMatchObject({ ok: false });
    expect(run(dob, '', '', '')).toMatchObject({ ok: false, errors: [{ key: 'date-required' }] });
    expect(run(dob, '1', '', '')).toMatchObject({
      ok: false,
      errors: [{ key: 'date-missing-month' }, { key: 'date-missing-year' }],
    });
    expect(run(yearOnly, '', '', '1950')).toEqual({ ok: true, value: { day: '', month: '', year: '1950' } });
    expect(run(yearOnly, '', '', '95')).toMatchObject({ ok: false, errors: [{ key: 'date-year-digits' }] });
    expect(run(dob, '1', '1', '1850')).toMatchObject({ ok: false, errors: [{ key: 'date-too-early' }] });
    const under6 = q<'date'>({ id: 'd', kind: 'date', maxYearsAgo: 6 });
    expect(run(under6, '1', '1', '2019')).toMatchObject({ ok: false, errors: [{ key: 'date-too-old' }] });
    expect(run(under6, '1', '1', '2022')).toMatchObject({ ok: true });
  });

  it('checks a citizen ID for shape, province, and the birth year and sex it encodes', () => {
    const cid = q<'citizen-id'>({ id: 'c', kind: 'citizen-id', dateOfBirth: 'dob', sex: 'sex' });
    const answers = { dob: { day: '12', month: '3', year: '1995' }, sex: 'female' };
    const run = (v: string) => validateAnswer(cid, reader({ c: v }), ctx(answers));
    expect(run('002 195 012 345')).toEqual({ ok: true, value: '002195012345' });
    expect(run('00219501234')).toMatchObject({ ok: false, errors: [{ key: 'cid-format' }] });
    expect(run('abc195012345')).toMatchObject({ ok: false, errors: [{ key: 'cid-format' }] });
    expect(run('099195012345')).toMatchObject({ ok: false, errors: [{ key: 'cid-province' }] });
    expect(run('002196012345')).toMatchObject({
      ok: false,
      errors: [{ key: 'cid-year', values: { cidYear: 1996, year: '1995' } }],
    });
    expect(run('002095012345')).toMatchObject({ ok: false, errors: [{ key: 'cid-sex' }] });
    expect(parseCitizenId('002305000001')).toEqual({ provinceCode: 2, sex: 'female', birthYear: 2005 });
    expect(maskCitizenId('002195012345')).toBe('••••••••2345');
  });

  it('accepts Vietnamese phone numbers in the ways people write them', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('0219 3812 345')).toBe('02193812345');
    expect(normalisePhone('0112345678')).toBeNull();
    expect(normalisePhone('12345')).toBeNull();
  });

  it('accepts only the offered choices, communes and numbers in range', () => {
    const choice = q<'choice'>({ id: 'x', kind: 'choice', options: ['yes', 'no'] });
    expect(validateAnswer(choice, reader({ x: 'maybe' }), ctx())).toMatchObject({
      ok: false,
      errors: [{ key: 'choice-invalid' }],
    });
    const commune = q<'commune'>({ id: 'x', kind: 'commune' });
    expect(validateAnswer(commune, reader({ x: 'atlantis' }), ctx())).toMatchObject({
      ok: false,
      errors: [{ key: 'commune-invalid' }],
    });
    const n = q<'number'>({ id: 'x', kind: 'number', min: 1, max: 10 });
    expect(validateAnswer(n, reader({ x: '11' }), ctx())).toMatchObject({ ok: false });
    expect(validateAnswer(n, reader({ x: '1e1' }), ctx())).toMatchObject({ ok: false });
    expect(validateAnswer(n, reader({ x: '3' }), ctx())).toEqual({ ok: true, value: '3' });
  });
});

describe('codes and uploads', () => {
  it('makes references without 0/O or 1/I/L, and reads them back however typed', () => {
    for (let i = 0; i < 200; i += 1) expect(randomCode()).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
    expect(formatCode('ABCD2345')).toBe('ABCD-2345');
    expect(parseCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(parseCode('ABCD-2340')).toBeNull();
    expect(parseCode('ABC')).toBeNull();
  });

  it('recognises file types by content, not by name', () => {
    expect(sniffMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe('image/png');
    expect(sniffMime(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffMime(Buffer.from('GIF89a'))).toBeNull();
  });
});
