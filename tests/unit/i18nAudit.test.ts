import { describe, expect, it } from 'vitest';
import type { Locale } from '@/i18n/locales';
import { auditProblems, portalMessageSets, type MessageSets } from '@/lib/i18nAudit';

// The message files are clean, so on them `npm run i18n:check` only ever shows that it passes. Here each
// rule is given a message set that breaks it, and must say so.

const vi = new Map([
  ['home.title', 'Dịch vụ công'],
  ['search.count', '{count, plural, other {Tìm thấy # kết quả}}'],
  ['apply.step', 'Bước {number} trên {total}'],
]);

function sets(
  over: Partial<Record<Locale, [string, string][]>>,
  status: MessageSets['status'] = {},
): MessageSets {
  const empty = new Map<string, string>();
  return {
    messages: {
      vi,
      en: new Map(over.en ?? [...vi]),
      hmn: new Map(over.hmn ?? []),
      tyz: empty,
      ium: empty,
      nut: empty,
    },
    status,
  };
}

describe('the i18n check on dirty message sets', () => {
  it('passes a clean set, and the portal’s own files', () => {
    expect(auditProblems(sets({}))).toEqual([]);
    expect(auditProblems(portalMessageSets())).toEqual([]);
  });

  it('reports a key English is missing', () => {
    expect(auditProblems(sets({ en: [...vi].filter(([k]) => k !== 'home.title') }))).toEqual([
      'en is missing home.title',
    ]);
  });

  it('reports placeholders that differ from Vietnamese, in plain and plural messages', () => {
    const en: [string, string][] = [
      ['home.title', 'Public services'],
      ['search.count', '{total, plural, one {# result} other {# results}}'],
      ['apply.step', 'Step {number} of {count}'],
    ];
    expect(auditProblems(sets({ en }))).toEqual([
      'en: placeholders differ from vi in search.count',
      'en: placeholders differ from vi in apply.step',
    ]);
  });

  it('reports a key that Vietnamese does not have', () => {
    expect(auditProblems(sets({ en: [...vi, ['home.titel', 'Public services']] }))).toEqual([
      'en has home.titel, which vi does not',
    ]);
  });

  it('reports a minority-language string without a status, and a status without a string', () => {
    const hmn: [string, string][] = [['home.title', 'Kev pab cuam']];
    expect(auditProblems(sets({ hmn }, { hmn: { keys: {} } }))).toEqual([
      'hmn: home.title: translated but has no status',
    ]);
    expect(
      auditProblems(
        sets(
          { hmn },
          { hmn: { keys: { 'home.title': { status: 'draft' }, 'apply.step': { status: 'draft' } } } },
        ),
      ),
    ).toEqual(['hmn: apply.step: status but no text']);
  });
});
