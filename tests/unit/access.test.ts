import { describe, expect, it } from 'vitest';
import { addressFrom, withPeerAddress } from '@/lib/clientAddress';
import { canonicalPath } from '@/lib/canonicalPath';
import { parseEnv } from '@/lib/env';

// Who a request is from and which page it asks for, as every check reads them (docs/adr/0020).

describe('the client address', () => {
  it('with no proxy trusted, is the socket address whatever X-Forwarded-For a client sent', () => {
    // The server appends the socket address itself (withPeerAddress), so a spoofed header is left of it.
    expect(addressFrom(withPeerAddress('6.6.6.6', '198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(addressFrom(withPeerAddress('6.6.6.6, 7.7.7.7', '198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(addressFrom(withPeerAddress(undefined, '198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(addressFrom(withPeerAddress(undefined, '::ffff:198.51.100.7'), 0)).toBe('198.51.100.7');
  });
  it('behind one appending proxy (nginx), is the hop that proxy wrote, not what the client sent', () => {
    // Client sent "6.6.6.6"; nginx appended the client's real address; the server appended nginx's.
    const header = withPeerAddress('6.6.6.6, 203.0.113.9', '127.0.0.1');
    expect(addressFrom(header, 1)).toBe('203.0.113.9');
    expect(addressFrom(withPeerAddress('203.0.113.9', '127.0.0.1'), 1)).toBe('203.0.113.9');
    // Two proxies of ours (a load balancer, then nginx).
    expect(addressFrom('6.6.6.6, 203.0.113.9, 10.0.0.2, 127.0.0.1', 2)).toBe('203.0.113.9');
  });
  it('falls back to the leftmost hop when fewer hops came than proxies are trusted, and to "unknown"', () => {
    expect(addressFrom('127.0.0.1', 1)).toBe('127.0.0.1');
    expect(addressFrom('', 0)).toBe('unknown');
    expect(addressFrom(null, 1)).toBe('unknown');
  });
  it('TRUSTED_PROXY_HOPS defaults to none and must be a small whole number', () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
    for (const bad of ['-1', '1.5', 'nginx', '99']) {
      expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});

describe('the canonical path', () => {
  it('decodes unreserved characters, so an encoded letter names the same page', () => {
    expect(canonicalPath('/%76i/ops')).toBe('/vi/ops');
    expect(canonicalPath('/v%69/%6F%70%73')).toBe('/vi/ops');
    expect(canonicalPath('/%76%69/ops')).toBe('/vi/ops');
  });
  it('collapses slashes and resolves dot segments, encoded or not', () => {
    expect(canonicalPath('//vi//ops')).toBe('/vi/ops');
    expect(canonicalPath('/vi/./ops')).toBe('/vi/ops');
    expect(canonicalPath('/en/../vi/ops')).toBe('/vi/ops');
    expect(canonicalPath('/vi/%2e/ops')).toBe('/vi/ops');
    expect(canonicalPath('/x/%2E%2E/vi/ops/')).toBe('/vi/ops/');
    expect(canonicalPath('/../../vi/ops')).toBe('/vi/ops');
  });
  it('leaves reserved and non-ASCII escapes encoded (upper case) and ordinary paths alone', () => {
    expect(canonicalPath('/vi/a%2fb')).toBe('/vi/a%2Fb');
    expect(canonicalPath('/vi/search%3fq')).toBe('/vi/search%3Fq');
    expect(canonicalPath('/vi/%c3%a9')).toBe('/vi/%C3%A9');
    for (const path of ['/', '/vi', '/vi/apply/register-birth/q/child-name', '/en/track/ABCD2345'])
      expect(canonicalPath(path)).toBe(path);
  });
});
