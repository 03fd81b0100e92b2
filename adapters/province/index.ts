import type { DossierStatus } from '@/lib/provinceStatus';
import { createDossierResponse, dossierCodeResponse, fileUploadResponse, statusReport } from './dto';
import { createProvinceHttp, type ProvinceClientConfig } from './http';
import { toDossierStatus } from './mapping';
import {
  toCreateDossierDto,
  toFileUploadDto,
  type DossierForDelivery,
  type FileForDelivery,
} from './payload';
import { provinceSettings } from './settings';

/**
 * The provincial back end, as the rest of the portal sees it: domain types in and out, never the national
 * payload's field names (vercel/commerce's `lib/shopify/index.ts` pattern). The worker, the webhook and the
 * tests come in here; dto.ts, http.ts, payload.ts and mapping.ts stay behind it. Whether a failure is
 * retryable is decided in errors.ts (`classify`), nowhere else. See docs/adr/0017-delivery-seam.md.
 */
export function createProvinceClient(config: ProvinceClientConfig) {
  const { call } = createProvinceHttp(config);
  return {
    /** Asks the back end to mint the dossier code; the same key always gets the same code. */
    async requestDossierCode(agencyCode: string, idempotencyKey: string): Promise<string> {
      const answer = await call(
        'POST',
        '/dossier-codes',
        dossierCodeResponse,
        { MaDonVi: agencyCode },
        idempotencyKey,
      );
      return answer.MaHoSo;
    },
    /** Uploads one file for the dossier with this code; returns the back end's id for it. */
    async uploadFile(provinceCode: string, file: FileForDelivery, idempotencyKey: string): Promise<string> {
      const answer = await call(
        'POST',
        '/files',
        fileUploadResponse,
        toFileUploadDto(provinceCode, file),
        idempotencyKey,
      );
      return answer.IdTep;
    },
    /** Creates the dossier; sent again under the same key, the back end answers with the same one. */
    async createDossier(dossier: DossierForDelivery, idempotencyKey: string): Promise<void> {
      await call('POST', '/dossiers', createDossierResponse, toCreateDossierDto(dossier), idempotencyKey);
    },
    /** How the dossier is getting on, validated like a push to the webhook. */
    async getStatus(provinceCode: string): Promise<DossierStatus> {
      return toDossierStatus(
        await call('GET', `/dossiers/${encodeURIComponent(provinceCode)}`, statusReport),
      );
    },
  };
}

export type ProvinceClient = ReturnType<typeof createProvinceClient>;
export type { ProvinceClientConfig, DossierForDelivery, FileForDelivery };

export function provinceClientFromEnv(): ProvinceClient {
  return createProvinceClient(provinceSettings());
}

export { classify, ProvincePermanentError, ProvinceRetryableError, type Verdict } from './errors';
/** The webhook parses pushes with the same schema as polls (a push and a poll of one change agree). */
export { statusReport, type StatusReportDto } from './dto';
export { toDossierStatus } from './mapping';
export { DOSSIER_CODE, type DossierStatus, type ProvinceStatus } from '@/lib/provinceStatus';
export { provinceSettings } from './settings';
export { timestampFresh, verify as verifySignature } from './signing';
