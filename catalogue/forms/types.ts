/**
 * Application journeys: one question per page (GOV.UK pattern), grouped into sections for the task list.
 * Definitions are data; wording is in messages under `apply.questions.<questionId>`; flow and validation
 * are pure functions (flow.ts, validate.ts), unit-tested without a browser.
 */

/** A date as people give it: three fields; day and month may be unknown where the question allows. */
export interface DateAnswer {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** An uploaded file, stored in the database; the answer keeps only its id and what to show back. */
export interface FileAnswer {
  readonly fileId: string;
  readonly name: string;
  readonly size: number;
}

export type AnswerValue = string | DateAnswer | FileAnswer;
export type Answers = Readonly<Record<string, AnswerValue>>;

interface BaseQuestion {
  readonly id: string;
  /** Shown only when this returns true for the answers so far (branching). */
  readonly when?: (answers: Answers) => boolean;
  readonly optional?: boolean;
}

export type Question =
  | (BaseQuestion & { readonly kind: 'name'; readonly autocomplete?: 'name' })
  | (BaseQuestion & { readonly kind: 'text'; readonly maxLength: number; readonly multiline?: boolean })
  | (BaseQuestion & {
      readonly kind: 'date';
      /** Elderly people often know only their birth year; allowed where the law accepts it. */
      readonly allowYearOnly?: boolean;
      readonly notInFuture?: boolean;
      /** At most this many years before today (e.g. the birth bundle is for children under 6). */
      readonly maxYearsAgo?: number;
      /** A date of birth: the person is at least this old today (whoever applies, whoever marries). */
      readonly minAge?: number;
      /** Cross-field: a parent's date of birth at least `years` before the child's (question id). */
      readonly yearsBefore?: { readonly question: string; readonly years: number };
      /** Cross-field: not before the date answered to another question (a death before the birth). */
      readonly notBefore?: string;
      readonly autocomplete?: 'bday';
    })
  | (BaseQuestion & { readonly kind: 'choice'; readonly options: readonly string[] })
  | (BaseQuestion & {
      readonly kind: 'citizen-id';
      /** Question ids of the same person's date of birth and sex, checked against the id's digits. */
      readonly dateOfBirth?: string;
      readonly sex?: string;
      /** The sex the id must encode when it is known from the question itself (the mother's, the father's). */
      readonly sexIs?: 'female' | 'male';
    })
  | (BaseQuestion & { readonly kind: 'phone' })
  | (BaseQuestion & { readonly kind: 'commune' })
  | (BaseQuestion & { readonly kind: 'number'; readonly min: number; readonly max: number })
  | (BaseQuestion & { readonly kind: 'file'; readonly sensitive?: boolean });

export type QuestionKind = Question['kind'];

export interface Section {
  readonly id: string;
  readonly questions: readonly Question[];
}

export interface Journey {
  /** Same id as the procedure (or bundle) it applies for. */
  readonly id: string;
  /** The procedures that get one dossier each when this journey is submitted. */
  readonly procedures: readonly string[];
  readonly sections: readonly Section[];
}
