/**
 * The national dossier statuses (TrangThai 1–10) and what the province reports about a dossier, as the
 * portal names them. Below the adapter (which maps the back end's numbers onto them), the ledger (which
 * stores the names) and the webhook, so none of them imports another's types.
 */
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
  /** The dossier code the back end minted (mã hồ sơ). */
  readonly provinceCode: string;
  readonly status: ProvinceStatus;
  readonly history: readonly { status: ProvinceStatus; at: Date; note?: string }[];
}

/** `000.21.53.H60-261124-0007`: agency code, date minted (yymmdd), sequence. */
export const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;
