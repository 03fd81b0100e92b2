import { findProcedure } from '@/catalogue';
import viMessages from '@/messages/vi.json';
import type { CreateDossierRequestDto, FileUploadRequestDto } from './dto';

/** A dossier as the portal hands it to the adapter: our ids and answers, no national field names. */
export interface DossierForDelivery {
  /** The code the back end minted for it (`requestDossierCode`). */
  readonly provinceCode: string;
  readonly procedureId: string;
  readonly answers: Record<string, unknown>;
  readonly submittedAt: Date;
  /** Files already uploaded for it: the back end's id and the file's name. */
  readonly files: readonly { id: string; name: string }[];
  /** Filed by a helper or an officer for the applicant (assisted mode); absent when the person filed. */
  readonly assisted?: {
    readonly channel: 'helper' | 'officer';
    readonly helperName: string;
    readonly place: { readonly kind: 'village-hall' | 'commune-office'; readonly name: string };
  };
}

/** A stored upload, as the adapter needs it to send. */
export interface FileForDelivery {
  readonly name: string;
  readonly mimeType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
}

// The province's officers read Vietnamese: the procedure's name goes in Vietnamese whatever the language.
const titles = viMessages.catalogue.procedures as Record<string, { title: string }>;

/** The portal's dossier in the national payload's shape; the raw DTO stays inside the adapter. */
export function toCreateDossierDto(d: DossierForDelivery): CreateDossierRequestDto {
  const text = (id: string) => (typeof d.answers[id] === 'string' ? (d.answers[id] as string) : '');
  const code = findProcedure(d.procedureId)?.nationalCode?.value ?? d.procedureId;
  return {
    MaHoSo: d.provinceCode,
    MaTTHC: code,
    TenTTHC: titles[d.procedureId]?.title ?? d.procedureId,
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
    HinhThucNop: d.assisted ? (d.assisted.channel === 'officer' ? 'can-bo' : 'ho-tro') : 'tu-nop',
    NguoiHoTro: d.assisted ? { HoTen: d.assisted.helperName } : null,
    NoiHoTro: d.assisted
      ? d.assisted.place.kind === 'village-hall'
        ? { Loai: 'nha-van-hoa', Ten: d.assisted.place.name }
        : { Loai: 'mot-cua-xa', Ten: '' }
      : null,
  };
}

export function toFileUploadDto(provinceCode: string, file: FileForDelivery): FileUploadRequestDto {
  return {
    MaHoSo: provinceCode,
    TenTep: file.name,
    LoaiTep: file.mimeType,
    NoiDung: Buffer.from(file.content).toString('base64'),
    SHA256: file.sha256,
  };
}
