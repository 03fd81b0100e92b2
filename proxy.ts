import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from './i18n/locales';
import { routing } from './i18n/routing';
import { isKnownPath } from './lib/routes';

const handleI18nRouting = createMiddleware(routing);

/** Path that no route matches, so Next.js renders app/not-found.tsx as real HTML with a 404. */
const UNMATCHED = '/_unmatched';

export default function proxy(request: NextRequest) {
  const response = handleI18nRouting(request);
  if (response.headers.has('location')) return response;

  const [, locale, ...segments] = request.nextUrl.pathname.split('/');
  if (isLocale(locale) && !isKnownPath(segments.filter(Boolean))) {
    const headers = new Headers(request.headers);
    headers.set('X-NEXT-INTL-LOCALE', locale);
    // Clone nextUrl rather than building from request.url: its host may differ from the one the server
    // listens on (localhost vs 127.0.0.1), which makes Next.js proxy the rewrite over HTTP instead of
    // handling it internally.
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}${UNMATCHED}`;
    url.search = '';
    return NextResponse.rewrite(url, { request: { headers } });
  }
  return response;
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
