import { describe, expect, it } from 'vitest';
import { findProcedure } from '@/catalogue';
import type { Published } from '@/db/queries/content';
import {
  factKey,
  formOf,
  isFactValue,
  lastChecked,
  parseFactForm,
  withPublishedFacts,
  type FactField,
} from '@/lib/content/facts';

// Procedure facts as the staff area takes them and the guide shows them (issue 15, docs/adr/0030).

const today = '2026-12-03';
const base = { note: 'Nghị quyết mới' };
const parse = (field: FactField, form: Record<string, string | string[]>) =>
  parseFactForm(field, { ...base, ...form }, today);

describe('a posted fact', () => {
  it('reads each field from the form, thousands separators and all', () => {
    expect(parse('fee', { feeKind: 'vnd', feeAmount: '15.000' })).toMatchObject({
      ok: true,
      fact: { value: { kind: 'vnd', amount: 15000 }, source: null, checkedOn: null, publishAt: null },
    });
    expect(parse('fee', { feeKind: 'free', feeAmount: 'ignored' })).toMatchObject({
      fact: { value: { kind: 'free' } },
    });
    expect(parse('processingTime', { unit: 'working-days', amount: '5' })).toMatchObject({
      fact: { value: { unit: 'working-days', amount: 5 } },
    });
    expect(parse('processingTime', { unit: 'same-day', amount: '' })).toMatchObject({
      fact: { value: { unit: 'same-day' } },
    });
    expect(parse('documents', { documents: ['applicant-id', 'birth-notice', 'applicant-id'] })).toMatchObject(
      {
        fact: { value: ['birth-notice', 'applicant-id'] },
      },
    );
    expect(parse('online', { online: 'partial' })).toMatchObject({ fact: { value: 'partial' } });
    expect(
      parse('legalBasis', { legalBasis: ' Luật Hộ tịch  2014 \r\n\r\nNghị định 123/2015/NĐ-CP ' }),
    ).toMatchObject({
      fact: { value: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP'] },
    });
    expect(parse('nationalCode', { nationalCode: '1.001193' })).toMatchObject({
      fact: { value: '1.001193' },
    });
  });

  it('refuses what is wrong, naming it', () => {
    const refused = (field: FactField, form: Record<string, string | string[]>) => {
      const result = parse(field, form);
      return result.ok ? null : result.error;
    };
    expect(refused('fee', {})).toBe('fee-kind');
    expect(refused('fee', { feeKind: 'vnd', feeAmount: '0' })).toBe('fee-amount');
    expect(refused('fee', { feeKind: 'vnd', feeAmount: '10000001' })).toBe('fee-amount');
    expect(refused('fee', { feeKind: 'vnd', feeAmount: '15,5k' })).toBe('fee-amount');
    expect(refused('processingTime', { unit: 'weeks', amount: '2' })).toBe('unit');
    expect(refused('processingTime', { unit: 'days', amount: '366' })).toBe('amount');
    expect(refused('processingTime', { unit: 'days', amount: '' })).toBe('amount');
    expect(refused('documents', {})).toBe('documents');
    expect(refused('documents', { documents: ['birth-notice', 'a-passport'] })).toBe('documents');
    expect(refused('online', { online: 'sometimes' })).toBe('online');
    expect(refused('legalBasis', { legalBasis: ' \n ' })).toBe('law-count');
    expect(
      refused('legalBasis', { legalBasis: Array.from({ length: 13 }, (_, i) => `Luật ${i}`).join('\n') }),
    ).toBe('law-count');
    expect(refused('legalBasis', { legalBasis: 'L'.repeat(301) })).toBe('law-length');
    expect(refused('nationalCode', { nationalCode: '1.001193; drop' })).toBe('national-code');
  });

  it('is verified only with both a source and a real, past check date', () => {
    const fee = { feeKind: 'free' };
    const error = (form: Record<string, string>) => {
      const result = parse('fee', { ...fee, ...form });
      return result.ok ? null : result.error;
    };
    expect(error({ source: 'Nghị quyết 12/2026/NQ-HĐND' })).toBe('checked-needed');
    expect(error({ checkedOn: '2026-11-30' })).toBe('source-needed');
    expect(error({ source: 'NQ 12', checkedOn: '2026-02-30' })).toBe('checked-date');
    expect(error({ source: 'NQ 12', checkedOn: '2026-12-04' })).toBe('checked-date');
    expect(error({ source: 'NQ 12', checkedOn: '30/11/2026' })).toBe('checked-date');
    expect(error({ source: 'S'.repeat(301), checkedOn: '2026-11-30' })).toBe('source-length');
    expect(parse('fee', { ...fee, source: ' NQ  12 ', checkedOn: '2026-12-03' })).toMatchObject({
      ok: true,
      fact: { source: 'NQ 12', checkedOn: '2026-12-03' },
    });
  });

  it('takes a later publication day within a year, and a change note always', () => {
    const fee = { feeKind: 'free' };
    expect(parse('fee', { ...fee, publishOn: '2027-01-01' })).toMatchObject({
      fact: { publishAt: new Date('2026-12-31T17:00:00Z') },
    });
    for (const publishOn of [today, '2026-12-01', '2027-12-05', 'soon']) {
      expect(parse('fee', { ...fee, publishOn })).toEqual({ ok: false, error: 'publish-date' });
    }
    expect(parseFactForm('fee', { ...fee, note: '  ' }, today)).toEqual({ ok: false, error: 'note' });
    expect(parseFactForm('fee', { ...fee, note: 'n'.repeat(301) }, today)).toEqual({
      ok: false,
      error: 'note',
    });
  });

  it('fills the form from a value, and reads back the same value', () => {
    const procedure = findProcedure('register-marriage')!;
    for (const field of ['fee', 'processingTime', 'documents', 'online', 'legalBasis'] as const) {
      const value = procedure[field].value;
      const back = parseFactForm(field, { ...formOf(field, value), ...base }, today);
      expect(back).toMatchObject({ ok: true, fact: { value } });
    }
  });
});

describe('the guide with published facts', () => {
  const procedure = findProcedure('register-marriage')!;
  const published = (
    field: FactField,
    value: unknown,
    source: string | null = null,
    checkedOn: string | null = null,
  ): Published => ({
    key: factKey(procedure.id, field),
    locale: '',
    value,
    source,
    checkedOn,
    publishedAt: new Date(),
  });

  it('shows a published fact in the catalogue’s place, verified only with its source and date', () => {
    const live = withPublishedFacts(procedure, [
      published('fee', { kind: 'vnd', amount: 20000 }, 'NQ 12/2026/NQ-HĐND', '2026-11-30'),
      published('processingTime', { unit: 'days', amount: 3 }),
      // A source without the day it was checked (written by hand, or by an older portal) is not a check.
      published('online', 'partial', 'NQ 12/2026/NQ-HĐND', null),
    ]);
    expect(live.online).toEqual({ value: 'partial', status: 'sample' });
    expect(live.fee).toEqual({
      value: { kind: 'vnd', amount: 20000 },
      status: 'verified',
      source: 'NQ 12/2026/NQ-HĐND',
      checkedOn: '2026-11-30',
    });
    expect(live.processingTime).toEqual({ value: { unit: 'days', amount: 3 }, status: 'sample' });
    expect(live.documents).toBe(procedure.documents);
    expect(lastChecked(live)).toBe('2026-11-30');
    expect(lastChecked(procedure)).toBeNull();
  });

  it('ignores another procedure’s facts and a stored value of the wrong shape', () => {
    const live = withPublishedFacts(procedure, [
      { ...published('fee', { kind: 'vnd', amount: 1 }), key: 'register-death:fee' },
      published('online', 'sometimes'),
      published('documents', []),
      published('fee', { kind: 'vnd', amount: -5 }),
    ]);
    expect(live).toEqual(procedure);
  });

  it('checks each stored shape', () => {
    expect(isFactValue('fee', { kind: 'free' })).toBe(true);
    expect(isFactValue('fee', { kind: 'free', amount: 3 })).toBe(false);
    expect(isFactValue('fee', { kind: 'vnd', amount: 1.5 })).toBe(false);
    expect(isFactValue('processingTime', { unit: 'yearly-review' })).toBe(true);
    expect(isFactValue('processingTime', { unit: 'days', amount: 0 })).toBe(false);
    expect(isFactValue('documents', ['birth-notice', 'birth-notice'])).toBe(false);
    expect(isFactValue('legalBasis', [' padded'])).toBe(false);
    expect(isFactValue('nationalCode', '1.001193')).toBe(true);
    expect(isFactValue('nationalCode', 'x')).toBe(false);
  });
});
