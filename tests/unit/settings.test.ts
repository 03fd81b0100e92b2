import { afterEach, describe, expect, it } from 'vitest';
import { opsAuthorized, opsEnabled } from '@/lib/opsAuth';
import { provinceSettings } from '@/adapters/province/settings';
import { parseEnv } from '@/lib/env';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('province settings', () => {
  it('uses the development secrets only for a back end on loopback', () => {
    expect(provinceSettings({}).signingSecret).toBe('dev-signing-secret');
    expect(provinceSettings({ PROVINCE_BASE_URL: 'http://localhost:4010' }).clientId).toBe('motcua');
  });

  it('refuses to start against a remote back end without every secret', () => {
    expect(() => provinceSettings({ PROVINCE_BASE_URL: 'https://lgsp.example.gov.vn' })).toThrow(
      /PROVINCE_CLIENT_ID, PROVINCE_CLIENT_SECRET, PROVINCE_SIGNING_SECRET, PROVINCE_WEBHOOK_SECRET/,
    );
    const full = {
      PROVINCE_BASE_URL: 'https://lgsp.example.gov.vn',
      PROVINCE_CLIENT_ID: 'id',
      PROVINCE_CLIENT_SECRET: 'cs',
      PROVINCE_SIGNING_SECRET: 'ss',
      PROVINCE_WEBHOOK_SECRET: 'ws',
    };
    expect(provinceSettings(full)).toMatchObject({
      clientSecret: 'cs',
      signingSecret: 'ss',
      webhookSecret: 'ws',
    });
  });
});

describe('operations credential', () => {
  const saved = process.env.OPS_PASSWORD;
  afterEach(() => {
    if (saved === undefined) delete process.env.OPS_PASSWORD;
    else process.env.OPS_PASSWORD = saved;
  });

  it('is off without a password of at least 12 characters', () => {
    delete process.env.OPS_PASSWORD;
    expect(opsEnabled()).toBe(false);
    expect(opsAuthorized(basic('ops', ''))).toBe(false);
    process.env.OPS_PASSWORD = 'short';
    expect(opsEnabled()).toBe(false);
    expect(opsAuthorized(basic('ops', 'short'))).toBe(false);
  });

  it('accepts the password with any user name, and nothing else', () => {
    process.env.OPS_PASSWORD = 'correct horse battery';
    expect(opsAuthorized(basic('ops', 'correct horse battery'))).toBe(true);
    expect(opsAuthorized(basic('anyone', 'correct horse battery'))).toBe(true);
    expect(opsAuthorized(basic('ops', 'correct horse batterz'))).toBe(false);
    expect(opsAuthorized(basic('ops', ''))).toBe(false);
    expect(opsAuthorized('Bearer correct horse battery')).toBe(false);
    expect(opsAuthorized(`Basic ${Buffer.from('correct horse battery').toString('base64')}`)).toBe(false);
    expect(opsAuthorized(null)).toBe(false);
  });
});

describe('rate limit settings', () => {
  it('default to 60 per address and 15 minutes, and take a positive whole number', () => {
    expect(parseEnv({})).toMatchObject({ SUBMIT_LIMIT: 60, RESUME_LIMIT: 60 });
    expect(parseEnv({ SUBMIT_LIMIT: '1', RESUME_LIMIT: '2' })).toMatchObject({
      SUBMIT_LIMIT: 1,
      RESUME_LIMIT: 2,
    });
  });

  it('refuse a value that would silently turn a limit off or refuse everyone', () => {
    for (const bad of ['abc', '0', '-5', '1.5']) {
      expect(() => parseEnv({ RESUME_LIMIT: bad }), bad).toThrow(/RESUME_LIMIT/);
    }
  });
});
