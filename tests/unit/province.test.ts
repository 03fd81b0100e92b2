import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  classify,
  createProvinceClient,
  DOSSIER_CODE,
  ProvincePermanentError,
  ProvinceRetryableError,
  statusReport,
  type DossierForDelivery,
  type ProvinceClient,
} from '@/adapters/province';
import { errorForStatus, retryAfterMs } from '@/adapters/province/errors';
import { startSimulator } from '@/simulator/server';

// Contract tests: the adapter against the simulator over real HTTP on loopback.
let sim: Awaited<ReturnType<typeof startSimulator>>;
let client: ProvinceClient;
const config = {
  clientId: 'motcua',
  clientSecret: 'dev-client-secret',
  signingSecret: 'dev-signing-secret',
  timeoutMs: 2000,
};

beforeAll(async () => {
  sim = await startSimulator({ statusStepMs: 40 });
  client = createProvinceClient({ baseUrl: sim.url, ...config });
});
afterAll(() => sim.close());
beforeEach(() => sim.setFaults({ reset: true }));

const dossier = (code: string): DossierForDelivery => ({
  provinceCode: code,
  procedureId: 'register-birth',
  answers: { 'applicant-name': 'Giàng Thị Mỷ', 'applicant-cid': '002195012345' },
  submittedAt: new Date(),
  files: [],
});

describe('provincial back-end contract', () => {
  it('mints dossier codes in the real format, the same code for the same key', async () => {
    const a = await client.requestDossierCode('000.21.53.H60', 'key-a');
    const again = await client.requestDossierCode('000.21.53.H60', 'key-a');
    const b = await client.requestDossierCode('000.21.53.H60', 'key-b');
    expect(a).toMatch(DOSSIER_CODE);
    expect(again).toBe(a);
    expect(b).not.toBe(a);
  });

  it('uploads a file checked by SHA-256, idempotently', async () => {
    const bytes = Buffer.from('%PDF-1.7 test');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const code = await client.requestDossierCode('000.21.53.H60', 'file-dossier');
    const file = { name: 'a.pdf', mimeType: 'application/pdf', content: bytes, sha256: sha };
    const first = await client.uploadFile(code, file, 'file-1');
    expect(await client.uploadFile(code, file, 'file-1')).toBe(first);
    await expect(
      client.uploadFile(code, { ...file, sha256: '0'.repeat(64) }, 'file-2'),
    ).rejects.toBeInstanceOf(ProvincePermanentError);
  });

  it('creates a dossier once, however often it is sent with the same key', async () => {
    const code = await client.requestDossierCode('000.21.53.H60', 'create-1');
    const before = sim.stats().dossiers;
    await client.createDossier(dossier(code), 'create-1');
    await client.createDossier(dossier(code), 'create-1');
    expect(sim.stats().dossiers).toBe(before + 1);
  });

  it('survives "created, but the response was lost": the retry gets the same dossier', async () => {
    const code = await client.requestDossierCode('000.21.53.H60', 'lost-1');
    const before = sim.stats().dossiers;
    sim.setFaults({ dropAfterCreateNext: 1 });
    await expect(client.createDossier(dossier(code), 'lost-1')).rejects.toBeInstanceOf(
      ProvinceRetryableError,
    );
    expect(sim.stats().dossiers).toBe(before + 1);
    await client.createDossier(dossier(code), 'lost-1');
    expect(sim.stats().byKey['lost-1']).toBe(code);
    expect(sim.stats().dossiers).toBe(before + 1);
  });

  it('classifies failures: 5xx, 429 (with Retry-After), resets and timeouts retry; 4xx is permanent', async () => {
    sim.setFaults({ failNext: 1, failStatus: 503 });
    await expect(client.requestDossierCode('000.21.53.H60', 'f1')).rejects.toBeInstanceOf(
      ProvinceRetryableError,
    );
    sim.setFaults({ failNext: 1, failStatus: 429, retryAfterSeconds: 7 });
    await expect(client.requestDossierCode('000.21.53.H60', 'f2')).rejects.toMatchObject({
      retryAfterMs: 7000,
    });
    sim.setFaults({ resetNext: 1 });
    await expect(client.requestDossierCode('000.21.53.H60', 'f3')).rejects.toBeInstanceOf(
      ProvinceRetryableError,
    );
    sim.setFaults({ latencyMs: 300 });
    const impatient = createProvinceClient({ baseUrl: sim.url, ...config, timeoutMs: 100 });
    await expect(impatient.requestDossierCode('000.21.53.H60', 'f4')).rejects.toBeInstanceOf(
      ProvinceRetryableError,
    );
    sim.setFaults({ reset: true });
    await expect(client.createDossier(dossier('000.21.53.H60-000000-9999'), 'f5')).rejects.toBeInstanceOf(
      ProvincePermanentError,
    );
  });

  it('refuses unsigned or wrongly signed requests', async () => {
    const forger = createProvinceClient({ baseUrl: sim.url, ...config, signingSecret: 'wrong' });
    await expect(forger.requestDossierCode('000.21.53.H60', 'forged')).rejects.toMatchObject({ status: 401 });
    expect(sim.stats().requests.codes.forged).toBeUndefined();
  });

  it('after the back end restarts (tokens forgotten), gets a new token and makes the call once more', async () => {
    const first = await client.requestDossierCode('000.21.53.H60', 'restart-1');
    sim.restart();
    const code = await client.requestDossierCode('000.21.53.H60', 'restart-2');
    expect(code).toMatch(DOSSIER_CODE);
    expect(code).not.toBe(first);
    await client.createDossier(dossier(code), 'restart-2');
    sim.restart();
    await client.createDossier(dossier(code), 'restart-2');
    expect(sim.stats().requests.dossiers['restart-2']).toBe(2);
  });

  it('answers that mean "not now" are retryable, other 4xx are permanent, over HTTP', async () => {
    // A back end of its own: a request another test abandoned (timed out) may still wake up in the
    // shared one and take the injected fault.
    const sim = await startSimulator();
    const client = createProvinceClient({ baseUrl: sim.url, ...config });
    onTestFinished(() => sim.close());
    for (const status of [401, 408, 409, 425, 429, 500, 502, 503, 504]) {
      // 401 twice: the fresh token is refused too.
      sim.setFaults({ reset: true });
      await client.requestDossierCode('000.21.53.H60', 'warm'); // a token in hand
      sim.setFaults({ failNext: status === 401 ? 2 : 1, failStatus: status, retryAfterSeconds: 3 });
      const error = await client.requestDossierCode('000.21.53.H60', `s-${status}`).catch((e: unknown) => e);
      expect(error, String(status)).toBeInstanceOf(ProvinceRetryableError);
      expect(classify(error), String(status)).toEqual({ permanent: false, retryAfterMs: 3000 });
    }
    for (const status of [400, 403, 404, 410, 413, 422]) {
      sim.setFaults({ reset: true });
      await client.requestDossierCode('000.21.53.H60', 'warm');
      sim.setFaults({ failNext: 1, failStatus: status });
      const error = await client.requestDossierCode('000.21.53.H60', `s-${status}`).catch((e: unknown) => e);
      expect(error, String(status)).toBeInstanceOf(ProvincePermanentError);
      expect(classify(error), String(status)).toEqual({ permanent: true, status });
    }
  });

  it('honours Retry-After given as an HTTP date, over HTTP', async () => {
    const sim = await startSimulator();
    const client = createProvinceClient({ baseUrl: sim.url, ...config });
    onTestFinished(() => sim.close());
    sim.setFaults({ failNext: 1, failStatus: 503, retryAfter: new Date(Date.now() + 120_000).toUTCString() });
    const error = await client.requestDossierCode('000.21.53.H60', 'date-1').catch((e: unknown) => e);
    const { retryAfterMs: ms } = classify(error) as { retryAfterMs: number };
    expect(ms).toBeGreaterThan(115_000);
    expect(ms).toBeLessThanOrEqual(120_000);
  });

  it('advances a dossier through the national statuses over time, with a dated log', async () => {
    const code = await client.requestDossierCode('000.21.53.H60', 'status-1');
    await client.createDossier(dossier(code), 'status-1');
    expect((await client.getStatus(code)).status).toBe('registered');
    await new Promise((r) => setTimeout(r, 400));
    const later = await client.getStatus(code);
    expect(later.status).toBe('result-returned');
    expect(later.history.map((h) => h.status)).toContain('accepted');
    expect(later.history[0]!.at).toBeInstanceOf(Date);
  });
});

describe('what a failure means (errors.ts, the one place that decides)', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it.each([401, 408, 409, 425, 429, 500, 501, 502, 503, 504, 599])('%i is retryable', (status) => {
    expect(errorForStatus(status, '', null, now)).toBeInstanceOf(ProvinceRetryableError);
  });
  it.each([400, 402, 403, 404, 405, 410, 413, 415, 422, 451])('%i is a refusal: permanent', (status) => {
    expect(errorForStatus(status, '', null, now)).toBeInstanceOf(ProvincePermanentError);
  });
  it('reads Retry-After as seconds or as an HTTP date; ignores anything else', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Wed, 02 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(classify(errorForStatus(503, '', 'Wed, 02 Dec 2026 12:00:10 GMT', now))).toEqual({
      permanent: false,
      retryAfterMs: 10_000,
    });
    expect(classify(errorForStatus(429, '', '120', now))).toEqual({
      permanent: false,
      retryAfterMs: 120_000,
    });
  });
  it('anything that is not the back end refusing (our database, a bug) is retried', () => {
    expect(classify(new Error('connection terminated'))).toEqual({ permanent: false });
    expect(classify(new ProvincePermanentError('no', 422))).toEqual({ permanent: true, status: 422 });
  });
  it('parses a polled or pushed status report with one schema, refusing what the contract does not allow', () => {
    const report = {
      MaHoSo: 'x',
      TrangThaiHoSo: 2,
      NhatKy: [{ TrangThai: 1, ThoiGian: '2026-12-02T12:00:00Z' }],
    };
    expect(statusReport.safeParse(report).success).toBe(true);
    expect(statusReport.safeParse({ ...report, TrangThaiHoSo: 11 }).success).toBe(false);
    expect(
      statusReport.safeParse({ ...report, NhatKy: [{ TrangThai: 1, ThoiGian: 'yesterday' }] }).success,
    ).toBe(false);
  });
});
