/**
 * Raw shapes of the provincial back end (iGate behind the provincial data-exchange platform), modelled on
 * the public traces and the national sync payload's field names. They never leave adapters/province/:
 * mapping.ts turns them into the portal's own types. See docs/province-contract.md.
 */

export interface TokenResponseDto {
  access_token: string;
  expires_in: number;
}

export interface DossierCodeResponseDto {
  /** Minted by the back end: `<agency code>-<yymmdd>-<seq>`, e.g. `000.00.53.H48-220921-0099`. */
  MaHoSo: string;
}

export interface FileUploadRequestDto {
  MaHoSo: string;
  TenTep: string;
  LoaiTep: string;
  /** Base64 of the file's bytes. */
  NoiDung: string;
  SHA256: string;
}

export interface FileUploadResponseDto {
  IdTep: string;
  SHA256: string;
}

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
}

export interface CreateDossierResponseDto {
  MaHoSo: string;
  TrangThaiHoSo: number;
}

export interface StatusResponseDto {
  MaHoSo: string;
  TrangThaiHoSo: number;
  NhatKy: { TrangThai: number; ThoiGian: string; GhiChu?: string }[];
}
