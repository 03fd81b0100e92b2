import { lifeEvents, procedures } from '@/catalogue';
import { parseShortCode, shortCode, SOURCE_PATTERN } from '@/catalogue/shortLinks';
import type { GuideRef } from '@/catalogue/types';
import { isLocale, type Locale } from '@/i18n/locales';

/**
 * Leaflet print runs (issue 15): a guide in one language printed for an office or an event, its QR code
 * carrying the run's source (`/q/ksh/cho-phien-dong-van`) so that the operations and leaflet pages count
 * its scans apart. The form's parsing is here, pure; the rows are in db/queries/leafletRuns.ts.
 */

export const RUN_LIMITS = { maxLabel: 100, maxCopies: 100_000 } as const;

export type RunError = 'guide' | 'language' | 'place' | 'label' | 'source' | 'copies' | 'taken';

/** The form's field each error belongs next to. */
export const runErrorInput: Record<RunError, string> = {
  guide: 'guide',
  language: 'language',
  place: 'place-office',
  label: 'label',
  source: 'source',
  copies: 'copies',
  taken: 'source',
};

export interface NewRun {
  readonly guide: GuideRef;
  readonly locale: Locale;
  readonly code: string;
  readonly source: string;
  readonly place: 'office' | 'event';
  readonly label: string;
  readonly copies: number | null;
}

/**
 * A source code from a place's name, as a person could type it from the leaflet: "Chợ phiên Đồng Văn" →
 * `cho-phien-dong-van` (tone marks dropped, đ → d, anything else → a dash), at most 40 characters.
 */
export function sourceFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}

/** Every guide a leaflet can be printed for (each has a short code), procedures first. */
export const printableGuides: readonly GuideRef[] = [
  ...procedures.map((p) => ({ kind: 'procedure' as const, id: p.id })),
  ...lifeEvents.map((e) => ({ kind: 'life-event' as const, id: e.id })),
].filter((guide) => {
  try {
    return parseShortCode(shortCode(guide, 'vi')) !== null;
  } catch {
    return false;
  }
});

/** `procedure:register-birth` and `life-event:having-a-baby`: how the form names a guide. */
export const guideValue = (guide: GuideRef) => `${guide.kind}:${guide.id}`;

export function parseRunForm(form: {
  readonly guide: string;
  readonly language: string;
  readonly place: string;
  readonly label: string;
  readonly source: string;
  readonly copies: string;
}): { ok: true; run: NewRun } | { ok: false; error: RunError } {
  const guide = printableGuides.find((g) => guideValue(g) === form.guide);
  if (!guide) return { ok: false, error: 'guide' };
  if (!isLocale(form.language)) return { ok: false, error: 'language' };
  if (form.place !== 'office' && form.place !== 'event') return { ok: false, error: 'place' };
  const label = form.label.trim().replace(/\s+/g, ' ');
  if (!label || label.length > RUN_LIMITS.maxLabel) return { ok: false, error: 'label' };
  const source = form.source.trim().toLowerCase() || sourceFromLabel(label);
  // `screen-<id>` is an office screen's own source (its QR codes): a run's scans never mix with a screen's.
  if (!SOURCE_PATTERN.test(source) || source.startsWith('screen-')) return { ok: false, error: 'source' };
  // Whole copies, grouped by thousands as people write them: 1500, 1.500 or 1,500 (never a decimal).
  const copiesText = form.copies.trim();
  if (copiesText !== '' && !/^(\d+|\d{1,3}([.,\s]\d{3})+)$/.test(copiesText)) {
    return { ok: false, error: 'copies' };
  }
  const copies = copiesText === '' ? null : Number(copiesText.replace(/\D/g, ''));
  if (copies !== null && !(copies >= 1 && copies <= RUN_LIMITS.maxCopies))
    return { ok: false, error: 'copies' };
  return {
    ok: true,
    run: {
      guide,
      locale: form.language,
      code: shortCode(guide, form.language),
      source,
      place: form.place,
      label,
      copies,
    },
  };
}
