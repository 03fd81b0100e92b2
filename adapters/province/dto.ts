import { z } from 'zod';

/**
 * Raw shapes of the provincial back end (iGate behind the provincial data-exchange platform), modelled on
 * the public traces and the national sync payload's field names. They never leave adapters/province/:
 * payload.ts and mapping.ts turn them into the portal's own types, and index.ts is the only way in.
 * Answers are parsed with zod, not trusted: a poll and a push of the same report go through one schema.
 * See docs/province-contract.md.
 */

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

export const dossierCodeResponse = z.object({
  /** Minted by the back end: `<agency code>-<yymmdd>-<seq>`, e.g. `000.00.53.H48-220921-0099`. */
  MaHoSo: z.string().min(1).max(100),
});

export interface FileUploadRequestDto {
  MaHoSo: string;
  TenTep: string;
  LoaiTep: string;
  /** Base64 of the file's bytes. */
  NoiDung: string;
  SHA256: string;
}

export const fileUploadResponse = z.object({
  IdTep: z.string().min(1),
  SHA256: z.string(),
});

export interface CreateDossierRequestDto {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  /** 2 = online (trực tuyến). */
  KenhThucHien: 1 | 2 | 3;
  ChuHoSo: string;
  SoGiayToChuHoSo: string;
  SoDienThoai: string;
  NgayTiepNhan: string;
  NgayHenTra: string | null;
  TrangThaiHoSo: number;
  ThanhPhanHoSo: { TenGiayTo: string; IdTep: string | null }[];
  TaiLieuNop: { IdTep: string; TenTep: string }[];
  DanhSachLePhi: { TenPhiLePhi: string; MucPhi: number }[];
  /** Everything else the person answered, by our question ids. */
  DuLieuBieuMau: Record<string, unknown>;
  /**
   * The portal's extension (docs/province-contract.md, docs/adr/0026): who filed — the person
   * (`tu-nop`), a community digital team helper (`ho-tro`) or a one-stop officer (`can-bo`) — and, for the
   * last two, who helped and where. The applicant (ChuHoSo) is always the villager.
   */
  HinhThucNop: 'tu-nop' | 'ho-tro' | 'can-bo';
  NguoiHoTro: { HoTen: string } | null;
  NoiHoTro: { Loai: 'nha-van-hoa' | 'mot-cua-xa'; Ten: string } | null;
}

export const createDossierResponse = z.object({
  MaHoSo: z.string().min(1),
  TrangThaiHoSo: z.number().int(),
});

/** `GET /dossiers/{MaHoSo}`'s answer, and the body of a status push to the webhook. */
export const statusReport = z.object({
  MaHoSo: z.string().min(1).max(100),
  TrangThaiHoSo: z.number().int().min(1).max(10),
  NhatKy: z
    .array(
      z.object({
        TrangThai: z.number().int().min(1).max(10),
        ThoiGian: z.iso.datetime({ offset: true }),
        // Control characters (U+0000, which PostgreSQL refuses in text) are removed where the status is
        // recorded (recordProvinceStatus), for pushes and polls alike, rather than losing the whole report.
        GhiChu: z.string().max(1000).optional(),
      }),
    )
    .max(200),
});

export type StatusReportDto = z.infer<typeof statusReport>;
