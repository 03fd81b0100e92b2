import { describe, expect, it } from 'vitest';
import { provinceSettings } from '@/adapters/province/settings';
import { parseEnv } from '@/lib/env';

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
