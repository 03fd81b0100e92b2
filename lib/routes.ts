import { isLocale, type Locale } from '@/i18n/locales';
import { isLifeEventId, isProcedureId } from '@/catalogue';
import { SOURCE_PATTERN } from '@/catalogue/shortLinks';
import { findQuestion } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import { parseCode } from './codes';
import { isFactField } from './content/factFields';

const isJourneyId = (id: string) => findJourney(id) !== undefined;

/**
 * The portal's pages below a locale, as path segments. The proxy uses this to send an unknown id
 * (`/vi/procedures/nope`) to the not-found page itself: a `notFound()` thrown by a page renders an empty
 * HTML shell in Next.js 16 production builds (vercel/next.js#62228), which is a blank page without
 * JavaScript. Unmatched URLs are rendered properly, so unknown ids are made unmatched. Add new routes here.
 */
export function isKnownPath(segments: readonly string[]): boolean {
  const [first, second, third, ...rest] = segments;
  // A leaflet, optionally for a named place: /procedures/<id>/leaflet[/<source>], the same for life events.
  if (
    third === 'leaflet' &&
    ((first === 'procedures' && isProcedureId(second ?? '')) ||
      (first === 'life-events' && isLifeEventId(second ?? '')))
  ) {
    return rest.length === 0 || (rest.length === 1 && SOURCE_PATTERN.test(rest[0]!));
  }
  // One fact of one procedure in the staff area: /staff/content/<procedure>/<field>.
  if (first === 'staff' && second === 'content' && third !== undefined && rest.length > 0) {
    return isProcedureId(third) && rest.length === 1 && isFactField(rest[0]);
  }
  if (rest.length > 0 && !(first === 'apply' && third === 'q' && rest.length === 1)) return false;
  if (first === undefined) return true;
  if (first === 'search' || first === 'form-expired' || first === 'languages' || first === 'helper')
    return second === undefined;
  // Which screens exist is database configuration: the proxy asks the portal (app/api/screens).
  if (first === 'screens')
    return second !== undefined && /^[a-z0-9-]{1,60}$/.test(second) && third === undefined;
  // For staff only: the pages themselves send anyone else to sign in (lib/staff/session.ts).
  if (first === 'ops') return second === undefined;
  if (first === 'staff') {
    if (third === undefined) {
      return [
        'sign-in',
        'second-factor',
        'enrol',
        'account',
        'forbidden',
        'assist',
        'desk',
        'audit',
        'team',
        'device',
        'content',
        'review',
        'translations',
        'leaflets',
        'screens',
      ].includes(second ?? '');
    }
    // The afternoon's slips; one dossier at the desk, by its reference's shape (the page says if it exists).
    if (second === 'assist') return third === 'slips';
    if (second === 'desk') return parseCode(third) !== null;
    // One language to translate into: any portal language but Vietnamese, the source.
    if (second === 'translations') return isLocale(third) && third !== 'vi';
    return false;
  }
  if (first === 'life-events') return second !== undefined && isLifeEventId(second) && third === undefined;
  if (first === 'apply') {
    if (second === 'resume') return third === undefined;
    if (second === undefined || !isJourneyId(second)) return false;
    if (third === undefined) return true;
    if (third === 'q')
      return rest[0] !== undefined && findQuestion(findJourney(second)!, rest[0]) !== undefined;
    return ['consent', 'check', 'confirmation', 'in-progress'].includes(third);
  }
  // The reference's shape is checked here; whether it exists is for the page (lib/routes cannot ask the DB).
  if (first === 'track' && second === undefined) return true;
  if (first === 'receipts' || first === 'track')
    return second !== undefined && parseCode(second) !== null && third === undefined;
  if (first === 'procedures') {
    return second !== undefined && isProcedureId(second) && (third === undefined || third === 'apply');
  }
  return false;
}

/**
 * A page of this portal, in this locale, that a page may link back to; null for anything else, so a
 * crafted `?from=` cannot send a reader to another site or to a page that does not exist.
 */
export function safeReturnPath(locale: Locale, from: unknown): string | null {
  if (typeof from !== 'string' || from.length > 500) return null;
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(from, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const [, first, ...rest] = url.pathname.split('/');
  const segments = rest.filter(Boolean);
  if (first !== locale || segments[0] === 'form-expired' || !isKnownPath(segments)) return null;
  return url.pathname + url.search;
}
