import type { StatusResponseDto } from './dto';

/** The national status codes (TrangThai 1–10), as the portal names them. */
export const provinceStatuses = {
  1: 'registered',
  2: 'accepted',
  3: 'not-accepted',
  4: 'processing',
  5: 'more-documents-needed',
  6: 'fees-due',
  7: 'withdrawn',
  8: 'stopped',
  9: 'done',
  10: 'result-returned',
} as const;

export type ProvinceStatus = (typeof provinceStatuses)[keyof typeof provinceStatuses];

export interface DossierStatus {
  readonly provinceCode: string;
  readonly status: ProvinceStatus;
  readonly history: readonly { status: ProvinceStatus; at: Date; note?: string }[];
}

function statusOf(code: number): ProvinceStatus {
  const status = provinceStatuses[code as keyof typeof provinceStatuses];
  if (!status) throw new Error(`Unknown national status code ${code}`);
  return status;
}

export function toDossierStatus(dto: StatusResponseDto): DossierStatus {
  return {
    provinceCode: dto.MaHoSo,
    status: statusOf(dto.TrangThaiHoSo),
    history: dto.NhatKy.map((entry) => ({
      status: statusOf(entry.TrangThai),
      at: new Date(entry.ThoiGian),
      ...(entry.GhiChu ? { note: entry.GhiChu } : {}),
    })),
  };
}

/** `000.21.53.H60-261124-0007`: agency code, date minted (yymmdd), sequence. */
export const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;
