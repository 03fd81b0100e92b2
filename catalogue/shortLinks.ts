import { locales, type Locale } from '@/i18n/locales';
import { localePath, paths } from '@/lib/paths';
import type { GuideRef } from './types';

/**
 * Short links for QR codes and printed leaflets: `/q/<guide code><language letter>[/<source>]`, e.g.
 * `/q/ksh` is birth registration in Hmong. They are printed on paper, so a code must keep pointing at the
 * same guide for as long as a leaflet survives: never change or reuse one, only add (tested against a
 * frozen copy in tests/unit/media.test.ts). Two letters per guide, from the Vietnamese name, so a
 * person typing the printed link makes fewer mistakes than with random characters.
 */
const guideCodes: readonly (readonly [GuideRef['kind'], string, string])[] = [
  ['procedure', 'register-birth', 'ks'],
  ['procedure', 'register-marriage', 'kh'],
  ['procedure', 'register-death', 'kt'],
  ['procedure', 'birth-bundle', 'ls'],
  ['procedure', 'death-bundle', 'lt'],
  ['procedure', 'register-permanent-residence', 'tt'],
  ['procedure', 'remove-permanent-residence', 'xt'],
  ['procedure', 'issue-child-health-insurance-card', 'by'],
  ['procedure', 'funeral-allowance', 'mt'],
  ['procedure', 'copy-civil-status-extract', 'bs'],
  ['procedure', 'certify-marital-status', 'hn'],
  ['procedure', 'recognise-poor-household', 'hg'],
  ['procedure', 'recognise-household-leaving-poverty', 'tn'],
  ['procedure', 'monthly-social-allowance', 'tc'],
  ['procedure', 'cultural-family-title', 'vh'],
  ['life-event', 'having-a-baby', 'sc'],
  ['life-event', 'getting-married', 'cu'],
  ['life-event', 'death-in-the-family', 'nm'],
  ['life-event', 'household-poverty', 'ng'],
  ['life-event', 'help-in-difficulty', 'kk'],
  ['life-event', 'civil-status-papers', 'gt'],
  ['life-event', 'cultural-family', 'gv'],
];

const localeLetters: Record<Locale, string> = { vi: 'v', hmn: 'h', tyz: 't', ium: 'd', nut: 'n', en: 'e' };

/** Where a code came from (an office, a poster): lower-case letters, digits and dashes, counted as given. */
export const SOURCE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function shortCode(guide: GuideRef, locale: Locale): string {
  const entry = guideCodes.find(([kind, id]) => kind === guide.kind && id === guide.id);
  if (!entry) throw new Error(`No short code for ${guide.kind} ${guide.id}`);
  return `${entry[2]}${localeLetters[locale]}`;
}

export function shortPath(guide: GuideRef, locale: Locale, source?: string): string {
  return `/q/${shortCode(guide, locale)}${source ? `/${source}` : ''}`;
}

export function parseShortCode(code: string): { guide: GuideRef; locale: Locale } | null {
  const entry = guideCodes.find(([, , c]) => c === code.slice(0, 2));
  const locale = locales.find((l) => localeLetters[l] === code.slice(2));
  if (!entry || !locale || code.length !== 3) return null;
  return { guide: { kind: entry[0], id: entry[1] }, locale };
}

/**
 * A short link's path after `/q/` (`<code>[/<source>]`): the scan it counts and the guide page (with its
 * locale) it leads to, or null for an unknown code, which answers 404 (the proxy and app/q/ both ask).
 */
export function resolveShortLink(segments: readonly string[]) {
  const [code = '', source, ...rest] = segments;
  const parsed = parseShortCode(code);
  if (!parsed || rest.length > 0 || (source !== undefined && !SOURCE_PATTERN.test(source))) return null;
  return { code, source: source ?? '', path: localePath(parsed.locale, guidePath(parsed.guide)) };
}

/** The guide's page path (without the locale prefix). */
export function guidePath(guide: GuideRef): string {
  return guide.kind === 'procedure' ? paths.procedure(guide.id) : paths.lifeEvent(guide.id);
}

/** Every code, for tests and the operations page. */
export function allShortCodes(): { code: string; guide: GuideRef; locale: Locale }[] {
  return guideCodes.flatMap(([kind, id]) =>
    locales.map((locale) => ({ code: shortCode({ kind, id }, locale), guide: { kind, id }, locale })),
  );
}

/** Turns what a person typed ("UBND xã Nậm Dần") into a source for a short link ("ubnd-xa-nam-dan"). */
export function sourceSlug(input: string): string | null {
  const slug = input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return SOURCE_PATTERN.test(slug) ? slug : null;
}
