import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { allShortCodes } from '@/catalogue/shortLinks';
import { parseEnv } from '@/lib/env';

// Printed QR codes led to http://localhost:<port>/… behind any proxy: redirects were built from the
// request's URL. They are built from PUBLIC_ORIGIN, whatever Host or X-Forwarded-Host say (docs/adr/0016).
const origin = 'https://dichvucong.example.vn';
vi.stubEnv('PUBLIC_ORIGIN', origin);

const hostile = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
const request = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: hostile });

describe('PUBLIC_ORIGIN', () => {
  it('is required in production and optional elsewhere', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_ORIGIN: `${origin}/` }).PUBLIC_ORIGIN).toBe(origin);
    expect(parseEnv({ NODE_ENV: 'development' }).PUBLIC_ORIGIN).toBeUndefined();
  });
});

describe('redirects with a hostile Host and X-Forwarded-Host', () => {
  const { code } = allShortCodes()[0]!;

  it('send a printed short code to PUBLIC_ORIGIN', async () => {
    const { GET, HEAD } = await import('@/app/q/[...path]/route');
    const context = { params: Promise.resolve({ path: [code, 'poster'] }) };
    for (const response of [
      await GET(request(`/q/${code}/poster`), context),
      await HEAD(request(`/q/${code}`), context),
    ]) {
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(new RegExp(`^${origin}/[a-z]+/`));
    }
  });

  it('send an office screen to PUBLIC_ORIGIN', async () => {
    const { GET } = await import('@/app/screens/[screenId]/route');
    const response = await GET(request('/screens/tan-quang-1'), {
      params: Promise.resolve({ screenId: 'tan-quang-1' }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${origin}/vi/screens/tan-quang-1`);
  });
});
