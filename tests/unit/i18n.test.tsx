import { isValidElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatNumber, formatVnd } from '@/i18n/format';
import { formattingLocale, locales } from '@/i18n/locales';
import { keySource } from '@/i18n/messages';
import { getT, translationGaps } from '@/i18n/translate';
import {
  coverage,
  icuArguments,
  keysUsedButMissing,
  missingKeys,
  orphanKeys,
  placeholderMismatches,
  statusProblems,
} from '@/lib/i18nAudit';

describe('message files', () => {
  it('gives English every key that Vietnamese has', () => {
    expect(missingKeys('en')).toEqual([]);
  });

  it('has no key in any locale that Vietnamese lacks', () => {
    for (const locale of locales) expect(orphanKeys(locale), locale).toEqual([]);
  });

  it('keeps the ICU placeholders of the Vietnamese source', () => {
    for (const locale of locales) expect(placeholderMismatches(locale), locale).toEqual([]);
  });

  it('lists every minority-language string in its status file, and nothing else', () => {
    for (const locale of ['hmn', 'tyz', 'ium', 'nut'] as const)
      expect(statusProblems(locale), locale).toEqual([]);
  });

  it('has every key that code uses literally', () => {
    expect(keysUsedButMissing(process.cwd())).toEqual([]);
  });

  it('reads ICU arguments, including plurals', () => {
    expect([...icuArguments('Bước {number}')]).toEqual(['number']);
    expect([...icuArguments('{count, plural, one {# result} other {# results}} for {query}')].sort()).toEqual(
      ['count', 'query'],
    );
  });
});

describe('fallback to Vietnamese', () => {
  it('wraps a missing Hmong string in an element with lang="vi"', () => {
    const node = getT('hmn', 'layout')('skipLink');
    expect(isValidElement(node)).toBe(true);
    const element = node as ReactElement<{ lang: string; children: string }>;
    expect(element.props.lang).toBe('vi');
    expect(element.props.children).toBe('Bỏ qua, đến nội dung chính');
  });

  it("shows a drafted Hmong string as plain text in the page's language", () => {
    expect(getT('hmn', 'home')('title')).toBe('Koj xav ua dab tsi?');
    expect(keySource('hmn', 'home.title')).toBe('draft');
  });

  it('gives plain text where no element can carry lang (attributes, titles)', () => {
    expect(getT('tyz', 'layout').text('skipLink')).toBe('Bỏ qua, đến nội dung chính');
  });

  it('reports draft and fallback text for the notice line', () => {
    expect(translationGaps('vi', ['layout', 'home'])).toEqual({ draft: false, fallback: false });
    expect(translationGaps('en', ['layout', 'home', 'catalogue'])).toEqual({ draft: false, fallback: false });
    expect(translationGaps('hmn', ['home'])).toEqual({ draft: true, fallback: true });
    expect(translationGaps('tyz', ['home'])).toEqual({ draft: false, fallback: true });
  });

  it('reports coverage that adds up', () => {
    for (const locale of locales) {
      const c = coverage(locale);
      expect(c.reviewed + c.draft + c.fallback).toBe(c.total);
    }
    expect(coverage('vi').reviewed).toBe(coverage('vi').total);
    expect(coverage('hmn').draft).toBeGreaterThan(0);
  });
});

describe('formatting locale', () => {
  const date = new Date('2025-06-01T12:00:00+07:00');

  it('formats dates the Vietnamese way in every minority locale', () => {
    for (const locale of ['hmn', 'tyz', 'ium', 'nut'] as const) {
      expect(formattingLocale(locale)).toBe('vi');
      expect(formatDate(date, locale)).toBe(formatDate(date, 'vi'));
      expect(formatDate(date, locale)).not.toMatch(/June/);
    }
    expect(formatDate(date, 'vi')).toBe('1 tháng 6, 2025');
    expect(formatDate(date, 'en')).toBe('June 1, 2025');
    // A stored day is that day in the province, at either end of it.
    expect(formatDay('2026-11-30', 'vi')).toBe('30 tháng 11, 2026');
    expect(formatDay('2026-01-01', 'en')).toBe('January 1, 2026');
  });

  it('formats numbers and fees with Vietnamese separators', () => {
    expect(formatNumber(1234567, 'nut')).toBe('1.234.567');
    expect(formatVnd(8000, 'hmn')).toBe(formatVnd(8000, 'vi'));
    expect(formatVnd(8000, 'vi')).toMatch(/^8\.000\s?₫$/);
  });

  it('applies Vietnamese plural rules to messages on minority pages', () => {
    // "search.count" has no Tày text, so it falls back; its plural must still resolve with vi rules.
    expect(getT('tyz', 'search').text('count', { count: 1 })).toBe('Tìm thấy 1 kết quả');
    expect(getT('en', 'search').text('count', { count: 1 })).toBe('1 result found');
  });
});
