import { provinceStatuses, type DossierStatus, type ProvinceStatus } from '@/lib/provinceStatus';
import type { StatusReportDto } from './dto';

function statusOf(code: number): ProvinceStatus {
  const status = provinceStatuses[code as keyof typeof provinceStatuses];
  if (!status) throw new Error(`Unknown national status code ${code}`);
  return status;
}

/** A status report (polled or pushed, parsed by `statusReport`) as the portal's own type. */
export function toDossierStatus(dto: StatusReportDto): DossierStatus {
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
