import {
  isArgumentElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
  type PluralElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { defaultLocale, locales } from '@/i18n/locales';
import { flatMessages } from '@/i18n/messages';

// Every message, in every locale, read by the ICU parser next-intl itself formats with: a broken branch
// or a plural that drops its number shows "Tìm thấy kết quả" or the raw `{count, plural, …}` to a person.

function parsed(text: string): MessageFormatElement[] {
  return parse(text, { requiresOtherClause: true });
}

/** Every element of a message, inside plural/select branches and rich-text tags too. */
function* walk(elements: readonly MessageFormatElement[]): Generator<MessageFormatElement> {
  for (const element of elements) {
    yield element;
    if (isPluralElement(element) || isSelectElement(element))
      for (const option of Object.values(element.options)) yield* walk(option.value);
    if (isTagElement(element)) yield* walk(element.children);
  }
}

/** A branch shows the number: `#`, or the plural's own variable written out. */
function mentionsNumber(branch: readonly MessageFormatElement[], variable: string): boolean {
  return [...walk(branch)].some((e) => isPoundElement(e) || (isArgumentElement(e) && e.value === variable));
}

function plurals(elements: readonly MessageFormatElement[]): PluralElement[] {
  return [...walk(elements)].filter(isPluralElement);
}

const everyMessage = locales.flatMap((locale) =>
  [...flatMessages(locale)].map(([key, text]) => ({ locale, key, text })),
);

describe('ICU messages', () => {
  it('all parse', () => {
    const failures = everyMessage.flatMap(({ locale, key, text }) => {
      try {
        parsed(text);
        return [];
      } catch (error) {
        return [`${locale} ${key}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
    expect(everyMessage.length).toBeGreaterThan(500);
  });

  it('give every plural and select an `other` branch', () => {
    const missing = everyMessage.flatMap(({ locale, key, text }) =>
      [...walk(parsed(text))]
        .filter((e) => (isPluralElement(e) || isSelectElement(e)) && !e.options.other)
        .map(() => `${locale} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('show the number in every plural’s `other` branch, and in each category where Vietnamese shows it', () => {
    const vi = flatMessages(defaultLocale);
    const problems: string[] = [];
    for (const { locale, key, text } of everyMessage) {
      const source = plurals(parsed(vi.get(key) ?? text));
      for (const plural of plurals(parsed(text))) {
        const original = source.find((p) => p.value === plural.value);
        const sourceShows =
          original?.options.other && mentionsNumber(original.options.other.value, plural.value);
        for (const [category, option] of Object.entries(plural.options)) {
          // Exact matches (`=0 {}`) may say it in words; the categories must show the number.
          const mustShow = category === 'other' || (!category.startsWith('=') && sourceShows);
          if (mustShow && !mentionsNumber(option.value, plural.value))
            problems.push(`${locale} ${key}: ${plural.value} ${category} has no #`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('find the plurals there are (the checks above are not vacuous)', () => {
    const vi = [...flatMessages(defaultLocale).values()].flatMap((text) => plurals(parsed(text)));
    expect(vi.length).toBeGreaterThanOrEqual(7);
  });
});
