import { RequestCookies, ResponseCookies } from 'next/dist/server/web/spec-extension/cookies';

/**
 * The cookie store `cookies()` from next/headers gives a route or action, outside a Next server: the
 * request's cookies to read, and Next's own ResponseCookies to write, so a test reads the Set-Cookie
 * header the browser would get. Swap it in with `vi.mock('next/headers', ...)`.
 */
export function cookieJar(requestCookie = '') {
  const request = new RequestCookies(new Headers(requestCookie ? { cookie: requestCookie } : {}));
  const responseHeaders = new Headers();
  const response = new ResponseCookies(responseHeaders);
  return {
    store: {
      get: (name: string) => request.get(name),
      set: (...args: Parameters<ResponseCookies['set']>) => response.set(...args),
    },
    setCookie: () => responseHeaders.get('set-cookie') ?? '',
  };
}

export type CookieJar = ReturnType<typeof cookieJar>;
