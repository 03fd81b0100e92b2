import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieJar, type CookieJar } from '../support/cookies';

// The session cookie is the only thing that ties a person to their draft and files: it must be out of
// reach of page scripts (HttpOnly), not sent cross-site on POSTs (SameSite), and in production pinned to
// this host over HTTPS (__Host- prefix, Secure). Read from the Set-Cookie header Next itself writes.
let jar: CookieJar = cookieJar();
vi.mock('next/headers', () => ({ cookies: async () => jar.store }));

async function freshSession(secureCookies: 'true' | 'false') {
  vi.stubEnv('SECURE_COOKIES', secureCookies);
  vi.resetModules();
  return import('@/lib/session');
}

describe('the session cookie', () => {
  beforeEach(() => {
    jar = cookieJar();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is __Host-, HttpOnly, Secure and SameSite with SECURE_COOKIES', async () => {
    const session = await freshSession('true');
    await session.ensureSessionHash();
    const header = jar.setCookie();
    expect(header).toMatch(/^__Host-motcua_session=[A-Za-z0-9_-]{43};/);
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain('samesite=lax');
    // __Host- cookies may not name a domain.
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it('is HttpOnly and SameSite over plain HTTP too, without the prefix browsers would refuse there', async () => {
    const session = await freshSession('false');
    await session.ensureSessionHash();
    const header = jar.setCookie();
    expect(header).toMatch(/^motcua_session=/);
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).not.toContain('secure');
  });

  it('keeps an existing session and hashes its token, never storing the token itself', async () => {
    const session = await freshSession('false');
    const token = 'a'.repeat(43);
    jar = cookieJar(`motcua_session=${token}`);
    expect(await session.ensureSessionHash()).toBe(session.hashToken(token));
    expect(session.hashToken(token)).not.toContain(token);
    expect(jar.setCookie()).toBe('');
  });

  it('ignores a cookie that is not one of its tokens', async () => {
    const session = await freshSession('false');
    for (const value of ['short', `${'a'.repeat(42)}!`, 'a'.repeat(44)]) {
      jar = cookieJar(`motcua_session=${value}`);
      expect(await session.currentSessionHash(), value).toBeNull();
    }
  });
});
