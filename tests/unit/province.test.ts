import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProvinceClient, type ProvinceClient } from '@/adapters/province/client';
import type { CreateDossierRequestDto } from '@/adapters/province/dto';
import { ProvincePermanentError, ProvinceRetryableError } from '@/adapters/province/errors';
import { DOSSIER_CODE, toDossierStatus } from '@/adapters/province/mapping';
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

const dossier = (code: string): CreateDossierRequestDto => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  KenhThucHien: 2,
  ChuHoSo: 'Giàng Thị Mỷ',
  SoGiayToChuHoSo: '002195012345',
  SoDienThoai: '0912345678',
  NgayTiepNhan: new Date().toISOString(),
  NgayHenTra: null,
  TrangThaiHoSo: 1,
  ThanhPhanHoSo: [],
  TaiLieuNop: [],
  DanhSachLePhi: [],
  DuLieuBieuMau: {},
});

describe('provincial back-end contract', () => {
  it('mints dossier codes in the real format, the same code for the same key', async () => {
    const a = await client.requestDossierCode('000.21.53.H60', 'key-a');
    const again = await client.requestDossierCode('000.21.53.H60', 'key-a');
    const b = await client.requestDossierCode('000.21.53.H60', 'key-b');
    expect(a.MaHoSo).toMatch(DOSSIER_CODE);
    expect(again.MaHoSo).toBe(a.MaHoSo);
    expect(b.MaHoSo).not.toBe(a.MaHoSo);
  });

  it('uploads a file checked by SHA-256, idempotently', async () => {
    const bytes = Buffer.from('%PDF-1.7 test');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const { MaHoSo } = await client.requestDossierCode('000.21.53.H60', 'file-dossier');
    const file = {
      MaHoSo,
      TenTep: 'a.pdf',
      LoaiTep: 'application/pdf',
      NoiDung: bytes.toString('base64'),
      SHA256: sha,
    };
    const first = await client.uploadFile(file, 'file-1');
    expect((await client.uploadFile(file, 'file-1')).IdTep).toBe(first.IdTep);
    await expect(client.uploadFile({ ...file, SHA256: '0'.repeat(64) }, 'file-2')).rejects.toBeInstanceOf(
      ProvincePermanentError,
    );
  });

  it('creates a dossier once, however often it is sent with the same key', async () => {
    const { MaHoSo } = await client.requestDossierCode('000.21.53.H60', 'create-1');
    const before = sim.stats().dossiers;
    await client.createDossier(dossier(MaHoSo), 'create-1');
    await client.createDossier(dossier(MaHoSo), 'create-1');
    expect(sim.stats().dossiers).toBe(before + 1);
  });

  it('survives "created, but the response was lost": the retry gets the same dossier', async () => {
    const { MaHoSo } = await client.requestDossierCode('000.21.53.H60', 'lost-1');
    const before = sim.stats().dossiers;
    sim.setFaults({ dropAfterCreateNext: 1 });
    await expect(client.createDossier(dossier(MaHoSo), 'lost-1')).rejects.toBeInstanceOf(
      ProvinceRetryableError,
    );
    expect(sim.stats().dossiers).toBe(before + 1);
    const retry = await client.createDossier(dossier(MaHoSo), 'lost-1');
    expect(retry.MaHoSo).toBe(MaHoSo);
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
  });

  it('advances a dossier through the national statuses over time, with a dated log', async () => {
    const { MaHoSo } = await client.requestDossierCode('000.21.53.H60', 'status-1');
    await client.createDossier(dossier(MaHoSo), 'status-1');
    expect(toDossierStatus(await client.getStatus(MaHoSo)).status).toBe('registered');
    await new Promise((r) => setTimeout(r, 400));
    const later = toDossierStatus(await client.getStatus(MaHoSo));
    expect(later.status).toBe('result-returned');
    expect(later.history.map((h) => h.status)).toContain('accepted');
    expect(later.history[0]!.at).toBeInstanceOf(Date);
  });
});
