import type { Locale } from '@/i18n/locales';
import { sample, type Fact } from './types';

export interface Commune {
  readonly id: string;
  readonly name: string;
  /** Agency code of the commune's Public Administration Service Centre (`LLL.LL.LL.Xnn`). */
  readonly agencyCode: Fact<string>;
  readonly isPilot: boolean;
}

export interface ProvinceConfig {
  readonly id: string;
  readonly name: string;
  readonly formerNames: readonly string[];
  readonly agencyCode: Fact<string>;
  readonly languages: readonly Locale[];
  readonly helpline: Fact<string>;
  readonly communes: readonly Commune[];
}

/**
 * Sample configuration. Since 1 July 2025 Hà Giang is part of Tuyên Quang province and districts are gone;
 * the pilot communes' names and every agency code below are unverified and may have been merged or renamed.
 * This is seed data: the database copy (db/seed.ts) is what dossiers refer to.
 */
export const province = {
  id: 'tuyen-quang',
  name: 'Tuyên Quang',
  formerNames: ['Hà Giang', 'Tuyên Quang'],
  agencyCode: sample('000.00.00.H60', 'Mã đơn vị của tỉnh sau sáp nhập chưa được xác minh'),
  languages: ['vi', 'hmn', 'tyz', 'ium', 'nut', 'en'],
  helpline: sample('1022', 'Tổng đài tiếp nhận phản ánh, kiến nghị của tỉnh: chưa xác minh'),
  communes: [
    { id: 'tan-quang', name: 'Tân Quang', agencyCode: sample('000.21.53.H60'), isPilot: true },
    { id: 'tan-lap', name: 'Tân Lập', agencyCode: sample('000.22.53.H60'), isPilot: true },
    { id: 'quang-nguyen', name: 'Quảng Nguyên', agencyCode: sample('000.23.53.H60'), isPilot: true },
    { id: 'nam-dan', name: 'Nậm Dần', agencyCode: sample('000.24.53.H60'), isPilot: true },
  ],
} as const satisfies ProvinceConfig;

/** A commune's name by its id, or the id itself for one the catalogue no longer lists. */
export function communeName(id: string): string {
  return province.communes.find((c) => c.id === id)?.name ?? id;
}
