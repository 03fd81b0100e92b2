import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { defaultLocale, isLocale, type Locale } from './i18n/locales';
import { keySource, mergedMessages } from './i18n/messages';
import { routing } from './i18n/routing';
import { canonicalPath } from './lib/canonicalPath';
import { localePath, paths } from './lib/paths';
import { REQUEST_ID_HEADER, requestIdFrom } from './lib/requestId';
import { isKnownPath } from './lib/routes';
import { resolveShortLink, sourceSlug } from './catalogue/shortLinks';
import { knownActionIds, namesUnknownAction } from './lib/serverActions';
import { MAX_FORM_BODY_BYTES, MAX_UPLOAD_MB } from './lib/uploadLimits';

const handleI18nRouting = createMiddleware(routing);

/** Path that no route matches, so Next.js renders app/global-not-found.tsx as real HTML with a 404. */
const UNMATCHED = '/_unmatched';

/**
 * Every request gets an id (the reverse proxy's, when well formed): passed downstream as a request header,
 * where Server Actions and route handlers put it on their log lines (lib/log.ts), and echoed on the
 * response, so a person's "it failed" can be matched with the server's log (docs/adr/0013).
 */
export default async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Every check below reads this one spelling of the path, never request.nextUrl.pathname itself.
  const path = canonicalPath(request.nextUrl.pathname);
  // An unknown printed code (`/q/zzz`) is said to be unknown, 404, in the default language (no locale in it).
  const response =
    path.startsWith('/q/') && !resolveShortLink(path.split('/').slice(2))
      ? unmatched(request, headers, defaultLocale)
      : /^\/(api|q|screens)\//.test(path)
        ? NextResponse.next({ request: { headers } })
        : await route(request, headers, path);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * Pages: malformed and cross-site form posts, language routing, unknown paths. Staff pages (the operations
 * page among them) check their signed-in staff member themselves (lib/staff/session.ts).
 */
async function route(request: NextRequest, headers: Headers, path: string): Promise<Response> {
  // A form POST whose body cannot be parsed (a dropped connection mid-upload, or a hostile client) would
  // otherwise surface as a bare 500 from the Server Action machinery; answer it clearly instead.
  if (
    request.method === 'POST' &&
    /multipart\/form-data|x-www-form-urlencoded/.test(request.headers.get('content-type') ?? '')
  ) {
    // A form posted from another site is refused before Next.js sees it (it would answer with a bare 500).
    // Browsers always send Origin with a cross-site POST; a request without one is left to Next.js.
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== request.nextUrl.origin && !sameHost(origin, request)) {
      return errorPageResponse(request, 403, 'crossSiteTitle', 'crossSiteBody');
    }
    // Above the transport limit Next.js hands the proxy a cut-off body, and formData() would fail as if the
    // connection had dropped. Say what happened instead: the cap, and how to make a photo smaller. Below it,
    // the action reads the file and lib/uploads.ts answers next to the field.
    if (Number(request.headers.get('content-length')) > MAX_FORM_BODY_BYTES) {
      return errorPageResponse(request, 413, 'tooBigTitle', 'tooBigBody');
    }
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return errorPageResponse(request, 400, 'badFormTitle', 'badFormBody');
    }
    // A page rendered before a redeploy may name an action this build no longer has; Next.js would answer
    // with a bare 400/409. Send the person to a page that explains and leads back to their draft.
    if (!request.headers.has('next-action') && namesUnknownAction(form, knownActionIds())) {
      return formExpiredRedirect(request);
    }
  }
  // The leaflet page's "print for a place" form is a GET with ?source=; the place becomes a path segment,
  // so each place's leaflet is a page of its own that can be cached.
  const leafletSource = request.nextUrl.searchParams.get('source');
  if (
    request.method === 'GET' &&
    leafletSource !== null &&
    /^\/[a-z]+\/(procedures|life-events)\/[a-z0-9-]+\/leaflet$/.test(path)
  ) {
    const url = request.nextUrl.clone();
    const slug = sourceSlug(leafletSource);
    url.pathname = slug ? `${url.pathname}/${slug}` : url.pathname;
    url.search = '';
    return NextResponse.redirect(url, 303);
  }
  // next-intl passes the headers of the request it is given on to the page: give it the request id too.
  // Without the body, which it never reads (the page still gets the original one).
  const response = handleI18nRouting(new NextRequest(request.url, { method: request.method, headers }));
  if (response.headers.has('location')) return response;

  const [, locale, ...segments] = path.split('/');
  if (isLocale(locale) && !isKnownPath(segments.filter(Boolean))) return unmatched(request, headers, locale);
  if (isLocale(locale) && segments[0] === 'screens' && !(await screenExists(request, segments[1]!))) {
    return unmatched(request, headers, locale);
  }
  return response;
}

/**
 * Which screens exist is database configuration, so the proxy asks the portal (app/api/screens). If that
 * answer does not come, the page is let through: it explains an unknown screen itself, with a 200.
 */
async function screenExists(request: NextRequest, screenId: string): Promise<boolean> {
  try {
    const url = new URL(`/api/screens/${encodeURIComponent(screenId)}`, request.nextUrl.origin);
    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return answer.status !== 404;
  } catch {
    return true;
  }
}

/** The full not-found page (app/global-not-found.tsx), 404, in `locale`. */
function unmatched(request: NextRequest, headers: Headers, locale: Locale): Response {
  headers.set('X-NEXT-INTL-LOCALE', locale);
  // Clone nextUrl rather than building from request.url: its host may differ from the one the server
  // listens on (localhost vs 127.0.0.1), which makes Next.js proxy the rewrite over HTTP instead of
  // handling it internally.
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${UNMATCHED}`;
  url.search = '';
  return NextResponse.rewrite(url, { request: { headers } });
}

function requestLocale(request: NextRequest) {
  const [, first] = request.nextUrl.pathname.split('/');
  return isLocale(first) ? first : defaultLocale;
}

function formExpiredRedirect(request: NextRequest): Response {
  const url = request.nextUrl.clone();
  url.pathname = localePath(requestLocale(request), paths.formExpired());
  url.search = `?from=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url, 303);
}

/** The Host the browser used (Next.js may see 127.0.0.1 where the browser typed localhost, or vice versa). */
function sameHost(origin: string, request: NextRequest): boolean {
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

function errorPageResponse(
  request: NextRequest,
  status: number,
  titleKey: 'badFormTitle' | 'crossSiteTitle' | 'tooBigTitle',
  bodyKey: 'badFormBody' | 'crossSiteBody' | 'tooBigBody',
): Response {
  const locale = requestLocale(request);
  // Plain strings (no ICU arguments): read straight from the merged messages, Vietnamese as fallback.
  const t = mergedMessages(locale).errorPage as Record<string, string>;
  const lang = keySource(locale, `errorPage.${titleKey}`) === 'fallback' ? defaultLocale : locale;
  const back = request.nextUrl.pathname;
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t[titleKey]}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${t[titleKey]}</h1><p>${t[bodyKey]!.replace('{max}', String(MAX_UPLOAD_MB))}</p><p><a href="${back}">${t.badFormBack}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const config = {
  // Everything except Next internals and files with an extension; API routes, short links (/q/…) and
  // office screens' entry (/screens/…) only get their request id. Not the helper app's photo uploads: for
  // a request it sees, Next.js buffers the whole body before the route handler reads any of it, so a
  // link that drops halfway through a photo would keep nothing of it, where tus keeps what arrived
  // (docs/adr/0029; tests/e2e/syncCrash.spec.ts).
  matcher: '/((?!_next|_vercel|api/helper/v1/uploads|.*\\..*).*)',
};
