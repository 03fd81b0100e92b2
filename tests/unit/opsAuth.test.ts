import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every comparison of the operations password goes through timingSafeEqual on equal-length digests.
const compared = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return crypto.timingSafeEqual(a, b);
    },
  };
});
const { opsAuthorized } = await import('@/lib/opsAuth');

const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('the operations credential', () => {
  const password = 'correct-horse-battery';
  beforeEach(() => {
    vi.stubEnv('OPS_PASSWORD', password);
    compared.length = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  it('opens with the password only', () => {
    expect(opsAuthorized(basic(password))).toBe(true);
    expect(opsAuthorized(basic(`${password}x`))).toBe(false);
    expect(opsAuthorized(basic(password.slice(0, -1)))).toBe(false);
    expect(opsAuthorized(`Basic ${Buffer.from(password).toString('base64')}`)).toBe(false);
    expect(opsAuthorized(null)).toBe(false);
  });

  it('compares fixed-length digests, so a wrong length takes the same path as a wrong password', () => {
    for (const given of [
      '',
      'x',
      password.slice(0, -1),
      `${password}x`,
      'y'.repeat(500),
      'wrong-horse-battery',
    ]) {
      compared.length = 0;
      expect(opsAuthorized(basic(given)), given).toBe(false);
      expect(compared, given).toEqual([[32, 32]]);
    }
  });
});
