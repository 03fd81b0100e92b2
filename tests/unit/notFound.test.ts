import { describe, expect, it } from 'vitest';
import { allShortCodes, resolveShortLink } from '@/catalogue/shortLinks';

// /q/zzz silently went home (issue 13): an unknown code is a 404 with the way on. The proxy asks this rule;
// the browser's view of /q/zzz and /vi/screens/nope, and their axe audit, are in tests/e2e/pages.spec.ts.
describe('short links', () => {
  it('tell a known short code from an unknown one (the proxy answers an unknown one 404)', () => {
    const { code } = allShortCodes()[0]!;
    expect(resolveShortLink([code, 'poster'])).toMatchObject({ code, source: 'poster' });
    expect(resolveShortLink(['zzz'])).toBeNull();
    expect(resolveShortLink([code, 'Not a Place'])).toBeNull();
    expect(resolveShortLink([code, 'poster', 'more'])).toBeNull();
  });
});
