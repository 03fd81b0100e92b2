/**
 * The catalogue is typed code; its wording lives in messages/<locale>.json under `catalogue.*`, keyed by
 * the same stable kebab-case ids that appear in URLs and database rows. See docs/adr/0003.
 */

/**
 * Every fact a citizen might rely on says where it comes from. `verified` means checked against the cited
 * official text; `sample` is a plausible placeholder that must not be shown without a "sample data" label.
 */
export type Fact<T> =
  | {
      readonly value: T;
      readonly status: 'verified';
      readonly source: string;
      /** The day an editor checked it against the source (yyyy-mm-dd); facts from the staff area have it. */
      readonly checkedOn?: string;
    }
  | { readonly value: T; readonly status: 'sample'; readonly basis?: string };

export const verified = <T>(value: T, source: string): Fact<T> => ({ value, status: 'verified', source });
export const sample = <T>(value: T, basis?: string): Fact<T> =>
  basis ? { value, status: 'sample', basis } : { value, status: 'sample' };

export type OfficeKind = 'commune-centre' | 'commune-police' | 'social-insurance' | 'province-centre';

/** Whether the procedure can be finished online, started online, or only at the office. */
export type OnlineLevel = 'full' | 'partial' | 'in-person';

export type Fee = { readonly kind: 'free' } | { readonly kind: 'vnd'; readonly amount: number };

export type Duration =
  | { readonly unit: 'same-day' }
  | { readonly unit: 'working-days' | 'days'; readonly amount: number }
  | { readonly unit: 'yearly-review' };

export interface Procedure {
  readonly id: string;
  /** Bumped when questions or facts change; each submission snapshots it. */
  readonly version: number;
  readonly kind: 'procedure' | 'bundle';
  /** Code in the national procedures database, where known. */
  readonly nationalCode: Fact<string> | null;
  readonly office: OfficeKind;
  readonly online: Fact<OnlineLevel>;
  /** Ids of documents; their names are messages under `catalogue.documents`. */
  readonly documents: Fact<readonly string[]>;
  readonly fee: Fact<Fee>;
  readonly processingTime: Fact<Duration>;
  /** Laws and decrees, cited by their official number. */
  readonly legalBasis: Fact<readonly string[]>;
  /** For a bundle: the procedures it files together, one dossier each. */
  readonly parts?: readonly string[];
}

/** A numbered step of a life event: one procedure, or a choice between several ("or"). */
export interface LifeEventStep {
  readonly id: string;
  readonly procedures: readonly string[];
  readonly connector: 'only' | 'or';
  /** A deadline the law sets, counted from the life event itself. */
  readonly deadline?: Fact<{
    readonly days: number;
    readonly from: 'birth' | 'death' | 'birth-registration';
  }>;
  /** Skip this step when an earlier procedure (usually a bundle) already covered it. */
  readonly coveredBy?: string;
}

export type Pictogram = 'baby' | 'rings' | 'candle' | 'house' | 'hands' | 'document' | 'award';

export interface LifeEvent {
  readonly id: string;
  readonly pictogram: Pictogram;
  readonly steps: readonly LifeEventStep[];
}

/** A guide page: a procedure's or a life event's. Recordings, leaflets and short links point at one. */
export interface GuideRef {
  readonly kind: 'procedure' | 'life-event';
  readonly id: string;
}
