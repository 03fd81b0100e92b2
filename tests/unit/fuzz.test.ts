import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeys } from '@/catalogue/forms/journeys';
import type { Question } from '@/catalogue/forms/types';
import { validateAnswer } from '@/catalogue/forms/validate';
import { communeIds } from '@/lib/application/communes';
import { readerForStored } from '@/lib/application/answers';
import viMessages from '@/messages/vi.json';

// Property-based: whatever arrives in a question's fields — random Unicode, control and bidi characters,
// markup, SQL, huge or numeric-looking strings — the validator returns a verdict (never throws), every
// error names one of the question's own inputs and a message that exists, and an accepted answer, stored
// and read back, is accepted again (so a submission never fails on what was saved).

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    "'; drop table submissions; --",
    '\u202Eevil',
    'a\u0000b',
    'x'.repeat(10_000),
    '１２',
    '٣',
    '-1',
    '1e9',
    'NaN',
    '29',
    '2',
    '1990',
    '002195012345',
    '0912 345 678',
    'tan-quang',
    'Giàng Thị Mỷ',
    'yes',
    'mother',
  ),
  fc.integer({ min: -10_000, max: 10_000 }).map(String),
);

const questions = new Map<string, Question>();
for (const journey of journeys) {
  for (const section of journey.sections) for (const q of section.questions) questions.set(q.id, q);
}
const fieldsOf = (q: Question) =>
  q.kind === 'date' ? [`${q.id}-day`, `${q.id}-month`, `${q.id}-year`] : [q.id];
const errorKeys = new Set(Object.keys(viMessages.apply.errors));
const ctx = {
  answers: { 'applicant-dob': { day: '12', month: '3', year: '1995' }, 'applicant-sex': 'female' },
  communeIds,
  now: new Date('2026-11-24T03:00:00Z'),
};

describe('validators under random and hostile input', () => {
  for (const question of questions.values()) {
    it(`${question.id} (${question.kind})`, () => {
      const fields = fieldsOf(question);
      fc.assert(
        fc.property(fc.tuple(...fields.map(() => hostile)), (values) => {
          const typed = Object.fromEntries(fields.map((f, i) => [f, values[i]!]));
          const result = validateAnswer(question, (name) => typed[name] ?? '', ctx);
          if (result.ok) {
            const again = validateAnswer(
              question,
              readerForStored(question, { [question.id]: result.value }),
              ctx,
            );
            expect(again).toEqual(result);
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
            // A choice's errors link to its first radio button (GOV.UK), the other kinds' to their inputs.
            const inputs = question.kind === 'choice' ? [`${question.id}-${question.options[0]}`] : fields;
            for (const error of result.errors) {
              expect(inputs).toContain(error.field);
              expect(errorKeys).toContain(error.key);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
