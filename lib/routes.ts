import { isLifeEventId, isProcedureId } from '@/catalogue';

/**
 * The portal's pages below a locale, as path segments. The proxy uses this to send an unknown id
 * (`/vi/procedures/nope`) to the not-found page itself: a `notFound()` thrown by a page renders an empty
 * HTML shell in Next.js 16 production builds (vercel/next.js#62228), which is a blank page without
 * JavaScript. Unmatched URLs are rendered properly, so unknown ids are made unmatched. Add new routes here.
 */
export function isKnownPath(segments: readonly string[]): boolean {
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return false;
  if (first === undefined) return true;
  if (first === 'search') return second === undefined;
  if (first === 'life-events') return second !== undefined && isLifeEventId(second) && third === undefined;
  if (first === 'procedures') {
    return second !== undefined && isProcedureId(second) && (third === undefined || third === 'apply');
  }
  return false;
}
