import { findProcedure } from '@/catalogue';
import type { CreateDossierRequestDto } from './dto';

export interface DossierForDelivery {
  readonly provinceCode: string;
  readonly procedureId: string;
  readonly procedureTitle: string;
  readonly answers: Record<string, unknown>;
  readonly submittedAt: Date;
  readonly files: readonly { id: string; name: string }[];
}

/** The portal's dossier in the national payload's shape; the raw DTO stays inside the adapter. */
export function toCreateDossierDto(d: DossierForDelivery): CreateDossierRequestDto {
  const text = (id: string) => (typeof d.answers[id] === 'string' ? (d.answers[id] as string) : '');
  const code = findProcedure(d.procedureId)?.nationalCode?.value ?? d.procedureId;
  return {
    MaHoSo: d.provinceCode,
    MaTTHC: code,
    TenTTHC: d.procedureTitle,
    KenhThucHien: 2,
    ChuHoSo: text('applicant-name') || text('partner1-name'),
    SoGiayToChuHoSo: text('applicant-cid') || text('partner1-cid'),
    SoDienThoai: text('applicant-phone'),
    NgayTiepNhan: d.submittedAt.toISOString(),
    NgayHenTra: null,
    TrangThaiHoSo: 1,
    ThanhPhanHoSo: d.files.map((f) => ({ TenGiayTo: f.name, IdTep: f.id })),
    TaiLieuNop: d.files.map((f) => ({ IdTep: f.id, TenTep: f.name })),
    DanhSachLePhi: [],
    DuLieuBieuMau: d.answers,
  };
}
