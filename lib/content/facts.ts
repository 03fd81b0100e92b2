import { procedures, type CatalogueProcedure } from '@/catalogue';
import type { Duration, Fact, Fee, OnlineLevel } from '@/catalogue/types';
import viMessages from '@/messages/vi.json';
import type { Published } from '@/db/queries/content';
import { factFields, type FactField } from './factFields';

/**
 * Procedure facts under the province's management (issue 15, docs/adr/0030): the fee, time limit,
 * documents, online level, legal basis and national code of each procedure, as content items of kind
 * `procedure-fact` keyed `<procedure>:<field>`. The catalogue's value is the default; a published revision
 * replaces it, and is "verified" only when it carries both its official source and the date it was
 * checked. Everything here is pure: the staff form's parsing, the stored value's check, the overlay.
 */

export const FACT_KIND = 'procedure-fact';

export { factFields, isFactField, type FactField } from './factFields';

/** The change note of a draft that puts the catalogue's own value back (restoreRevision's are `restore:<n>`). */
export const RESTORE_CATALOGUE_NOTE = 'restore:catalogue';

export const factKey = (procedureId: string, field: FactField) => `${procedureId}:${field}`;

/** The documents a procedure may ask for: those the portal has a name for in every language. */
export const documentIds: readonly string[] = Object.keys(viMessages.catalogue.documents);

const onlineLevels: readonly OnlineLevel[] = ['full', 'partial', 'in-person'];
const durationUnits = ['same-day', 'working-days', 'days', 'yearly-review'] as const;

/** Limits of what an editor may type, stated on the form. */
export const FACT_LIMITS = {
  maxFee: 10_000_000,
  maxDays: 365,
  maxLaws: 12,
  maxLawLength: 300,
  maxSource: 300,
  maxNote: 300,
} as const;
const NATIONAL_CODE = /^[0-9A-Z][0-9A-Z.-]{0,29}$/;

/** Any field's value: a fee, a duration, papers or laws, an online level, a code. */
export type FactValue = Fee | Duration | readonly string[] | OnlineLevel | string;

const isInt = (n: unknown, min: number, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/**
 * Whether a stored value has its field's shape. The database holds JSON any revision wrote; a value
 * that does not fit (an older shape, a hand edit) is never shown: the catalogue's stays.
 */
export function isFactValue(field: FactField, value: unknown): boolean {
  const v = value as Record<string, unknown> | null;
  switch (field) {
    case 'fee':
      return (
        typeof v === 'object' &&
        v !== null &&
        (v.kind === 'free'
          ? Object.keys(v).length === 1
          : v.kind === 'vnd' && isInt(v.amount, 1, FACT_LIMITS.maxFee))
      );
    case 'processingTime':
      if (typeof v !== 'object' || v === null) return false;
      if (v.unit === 'same-day' || v.unit === 'yearly-review') return Object.keys(v).length === 1;
      return (v.unit === 'working-days' || v.unit === 'days') && isInt(v.amount, 1, FACT_LIMITS.maxDays);
    case 'documents':
      return (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((d) => documentIds.includes(d)) &&
        new Set(value).size === value.length
      );
    case 'online':
      return onlineLevels.includes(value as OnlineLevel);
    case 'legalBasis':
      return (
        Array.isArray(value) &&
        value.length > 0 &&
        value.length <= FACT_LIMITS.maxLaws &&
        value.every(
          (law) =>
            typeof law === 'string' &&
            law.trim() === law &&
            law.length > 0 &&
            law.length <= FACT_LIMITS.maxLawLength,
        )
      );
    case 'nationalCode':
      return typeof value === 'string' && NATIONAL_CODE.test(value);
  }
}

/** The form's fields for a value, by name: what the edit page posts and what an error sends back. */
export type FactForm = Readonly<Record<string, string | readonly string[]>>;

/** Why a posted fact was refused, each said next to its field (messages staff.content.errors.*). */
export type FactError =
  | 'fee-kind'
  | 'fee-amount'
  | 'unit'
  | 'amount'
  | 'documents'
  | 'online'
  | 'law-count'
  | 'law-length'
  | 'national-code'
  | 'source-length'
  | 'source-needed'
  | 'checked-needed'
  | 'checked-date'
  | 'publish-date'
  | 'note';

/** The input each error belongs to (its id on the edit page). */
export const errorInput: Record<FactError, string> = {
  'fee-kind': 'feeKind',
  'fee-amount': 'feeAmount',
  unit: 'unit',
  amount: 'amount',
  documents: 'documents',
  online: 'online',
  'law-count': 'legalBasis',
  'law-length': 'legalBasis',
  'national-code': 'nationalCode',
  'source-length': 'source',
  'source-needed': 'source',
  'checked-needed': 'checkedOn',
  'checked-date': 'checkedOn',
  'publish-date': 'publishOn',
  note: 'note',
};

const one = (form: FactForm, name: string): string => {
  const v = form[name];
  return (typeof v === 'string' ? v : (v?.[0] ?? '')).trim();
};
const many = (form: FactForm, name: string): readonly string[] => {
  const v = form[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
};

/** A whole number typed with or without thousands separators ("15.000", "15 000", "15000"). */
function wholeNumber(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

function parseValue(field: FactField, form: FactForm): { value: FactValue } | { error: FactError } {
  switch (field) {
    case 'fee': {
      const kind = one(form, 'feeKind');
      if (kind === 'free') return { value: { kind: 'free' } };
      if (kind !== 'vnd') return { error: 'fee-kind' };
      const amount = wholeNumber(one(form, 'feeAmount'));
      return amount !== null && amount >= 1 && amount <= FACT_LIMITS.maxFee
        ? { value: { kind: 'vnd', amount } }
        : { error: 'fee-amount' };
    }
    case 'processingTime': {
      const unit = one(form, 'unit');
      if (!(durationUnits as readonly string[]).includes(unit)) return { error: 'unit' };
      if (unit === 'same-day' || unit === 'yearly-review') return { value: { unit } as Duration };
      const amount = wholeNumber(one(form, 'amount'));
      return amount !== null && amount >= 1 && amount <= FACT_LIMITS.maxDays
        ? { value: { unit: unit as 'days' | 'working-days', amount } }
        : { error: 'amount' };
    }
    case 'documents': {
      const chosen = [...new Set(many(form, 'documents'))];
      return chosen.length > 0 && chosen.every((d) => documentIds.includes(d))
        ? { value: documentIds.filter((d) => chosen.includes(d)) }
        : { error: 'documents' };
    }
    case 'online': {
      const level = one(form, 'online');
      return onlineLevels.includes(level as OnlineLevel)
        ? { value: level as OnlineLevel }
        : { error: 'online' };
    }
    case 'legalBasis': {
      const laws = one(form, 'legalBasis')
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
      if (laws.length === 0 || laws.length > FACT_LIMITS.maxLaws) return { error: 'law-count' };
      return laws.every((law) => law.length <= FACT_LIMITS.maxLawLength)
        ? { value: laws }
        : { error: 'law-length' };
    }
    case 'nationalCode': {
      const code = one(form, 'nationalCode').toUpperCase();
      return NATIONAL_CODE.test(code) ? { value: code } : { error: 'national-code' };
    }
  }
}

export interface ParsedFact {
  readonly value: FactValue;
  readonly source: string | null;
  readonly checkedOn: string | null;
  readonly note: string;
  /** A later day it takes effect on (at midnight in the province), once approved; null: when approved. */
  readonly publishAt: Date | null;
}

/**
 * A posted fact, or the first thing wrong with it. A source and a check date come together or not at
 * all (a fact is verified only with both); the date is a real calendar day, not after `today`.
 */
export function parseFactForm(
  field: FactField,
  form: FactForm,
  today: string,
): { ok: true; fact: ParsedFact } | { ok: false; error: FactError } {
  const parsed = parseValue(field, form);
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const source = one(form, 'source').replace(/\s+/g, ' ');
  const checkedOn = one(form, 'checkedOn');
  if (source.length > FACT_LIMITS.maxSource) return { ok: false, error: 'source-length' };
  if (checkedOn && !isCalendarDay(checkedOn, today)) return { ok: false, error: 'checked-date' };
  if (checkedOn && !source) return { ok: false, error: 'source-needed' };
  if (source && !checkedOn) return { ok: false, error: 'checked-needed' };
  const publishOn = one(form, 'publishOn');
  if (publishOn && !(isCalendarDay(publishOn, addDays(today, 366)) && publishOn > today)) {
    return { ok: false, error: 'publish-date' };
  }
  const note = one(form, 'note').replace(/\s+/g, ' ');
  if (!note || note.length > FACT_LIMITS.maxNote) return { ok: false, error: 'note' };
  return {
    ok: true,
    fact: {
      value: parsed.value,
      source: source || null,
      checkedOn: checkedOn || null,
      note,
      // Midnight in Vietnam (UTC+7, no daylight saving).
      publishAt: publishOn ? new Date(`${publishOn}T00:00:00+07:00`) : null,
    },
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `yyyy-mm-dd`, a day that exists, from 2000 to `today`. */
function isCalendarDay(text: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === text &&
    text >= '2000-01-01' &&
    text <= today
  );
}

/** The form fields that show a value: the edit page's starting point, from the live value. */
export function formOf(field: FactField, value: FactValue): FactForm {
  switch (field) {
    case 'fee': {
      const fee = value as Fee;
      return fee.kind === 'free' ? { feeKind: 'free' } : { feeKind: 'vnd', feeAmount: String(fee.amount) };
    }
    case 'processingTime': {
      const d = value as Duration;
      return 'amount' in d ? { unit: d.unit, amount: String(d.amount) } : { unit: d.unit };
    }
    case 'documents':
      return { documents: value as readonly string[] };
    case 'online':
      return { online: value as string };
    case 'legalBasis':
      return { legalBasis: (value as readonly string[]).join('\n') };
    case 'nationalCode':
      return { nationalCode: value as string };
  }
}

/** A published revision as the fact a page shows: verified with its source and date, else sample. */
export function publishedFact<T>(published: Pick<Published, 'value' | 'source' | 'checkedOn'>): Fact<T> {
  const value = published.value as T;
  return published.source && published.checkedOn
    ? { value, status: 'verified', source: published.source, checkedOn: published.checkedOn }
    : { value, status: 'sample' };
}

/** The procedure as its guide shows it: the catalogue's facts with every published one in their place. */
export function withPublishedFacts(
  procedure: CatalogueProcedure,
  published: readonly Published[],
): CatalogueProcedure {
  let result: CatalogueProcedure = procedure;
  for (const field of factFields) {
    const live = published.find((p) => p.key === factKey(procedure.id, field));
    if (!live || !isFactValue(field, live.value)) continue;
    // The national code may be absent from the catalogue; every other field is there to replace.
    if (field !== 'nationalCode' && !procedure[field]) continue;
    result = { ...result, [field]: publishedFact(live) } as CatalogueProcedure;
  }
  return result;
}

/** The latest date any of the procedure's verified facts was checked, or null: "facts checked on". */
export function lastChecked(procedure: CatalogueProcedure): string | null {
  const dates = factFields
    .map((field) => procedure[field])
    .flatMap((fact) => (fact?.status === 'verified' && fact.checkedOn ? [fact.checkedOn] : []));
  return dates.length > 0 ? dates.sort().at(-1)! : null;
}

/** Every procedure with its live facts: what the staff list shows. */
export function proceduresWithFacts(published: readonly Published[]): CatalogueProcedure[] {
  return procedures.map((p) => withPublishedFacts(p, published));
}
