import { inJourneyOrder } from './dossierOrder';
import { cache } from 'react';
import { findJourney, type JourneyId } from '@/catalogue/forms/journeys';
import type { AnswerValue, Answers, Journey, Question } from '@/catalogue/forms/types';
import type { FieldReader } from '@/catalogue/forms/validate';
import { findProcedure } from '@/catalogue';
import { province } from '@/catalogue/province';
import { connection } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { findDraft } from '@/db/queries/drafts';
import { dossiersOf, findSubmissionByDraft, findSubmissionByReference } from '@/db/queries/submissions';
import type { Draft } from '@/db/schema';
import { parseCode } from './codes';
import { currentSessionHash } from './session';

/** Shared by the apply pages (read) and actions (write): the database, the journey, the session's draft. */
export async function database() {
  await prepareDatabase();
  return connection().db;
}

/** A journey's version is the highest version of the procedures it files; submissions snapshot it. */
export function journeyVersion(journey: Journey): number {
  return Math.max(...journey.procedures.map((id) => findProcedure(id)?.version ?? 1));
}

export function journeyOrNull(id: string): (Journey & { id: JourneyId }) | null {
  return (findJourney(id) as (Journey & { id: JourneyId }) | undefined) ?? null;
}

export interface OwnDraft {
  readonly draft: Draft;
  readonly answers: Answers;
  readonly submitted: boolean;
}

/** Cached per request: a page and its generateMetadata read the same draft once. */
export const loadOwnDraft = cache(async (journeyId: string): Promise<OwnDraft | null> => {
  const sessionHash = await currentSessionHash();
  if (!sessionHash) return null;
  const db = await database();
  const draft = await findDraft(db, sessionHash, journeyId);
  if (!draft) return null;
  const submitted = (await findSubmissionByDraft(db, draft.id)) !== undefined;
  return { draft, answers: draft.answers as Answers, submitted };
});

/** A saved answer as the values of the inputs it came from (a date fills three). */
export function fieldValues(questionId: string, answer: AnswerValue | undefined): Record<string, string> {
  if (answer === undefined) return {};
  if (typeof answer === 'string') return { [questionId]: answer };
  if ('year' in answer) {
    return {
      [`${questionId}-day`]: answer.day,
      [`${questionId}-month`]: answer.month,
      [`${questionId}-year`]: answer.year,
    };
  }
  return {};
}

/** Reads a stored answer back as if it had just been typed, so it can be re-validated on submission. */
export function readerForStored(question: Question, answers: Answers): FieldReader {
  const values = fieldValues(question.id, answers[question.id]);
  return (name) => values[name] ?? '';
}

export const communeIds = province.communes.map((c) => c.id) as readonly string[];

/** The commune whose centre receives the dossier: the one chosen, or where the family lives. */
export function officeCommune(answers: Answers): string | null {
  const chosen = answers['office-commune'] ?? answers['residence-commune'];
  return typeof chosen === 'string' && communeIds.includes(chosen) ? chosen : null;
}

/** A submission and its dossiers by the reference as typed or scanned, or null if there is none. */
export async function loadSubmission(rawReference: string) {
  const reference = parseCode(rawReference);
  if (!reference) return null;
  const db = await database();
  const submission = await findSubmissionByReference(db, reference);
  return submission
    ? { submission, dossiers: inJourneyOrder(submission.journeyId, await dossiersOf(db, submission.id)) }
    : null;
}
