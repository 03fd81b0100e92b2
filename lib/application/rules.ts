import { findProcedure } from '@/catalogue';
import { relevantAnswers, visibleQuestions } from '@/catalogue/forms/flow';
import type { Answers, AnswerValue, Journey, Question } from '@/catalogue/forms/types';
import { validateAnswer, type FieldError } from '@/catalogue/forms/validate';
import type { NewSubmission } from '@/db/queries/submissions';
import { communeIds, officeCommune } from '@/lib/application/communes';
import { readerForStored } from '@/lib/application/answers';
import { randomCode, TRACKING_KEY_LENGTH } from '@/lib/codes';

/**
 * What every submission passes, however it arrives: the citizen's or helper's "Send" on the check page,
 * and a dossier synced from an offline helper device (lib/offlineSync.ts). One set of rules, so the
 * same answer gets the same verdict and the same message on both roads.
 */

export interface AnswerProblem {
  readonly question: Question;
  readonly errors: readonly FieldError[];
}

/**
 * Every visible question's answer checked again as if typed now (rules and dates may have moved since it
 * was saved), in the journey's order; a required file that is missing is a problem too. With the answers
 * as the validators normalise them (NFC, single spaces), which is what is stored.
 */
export function recheckAnswers(
  journey: Journey,
  answers: Answers,
  now: Date,
): { problems: AnswerProblem[]; answers: Answers } {
  const problems: AnswerProblem[] = [];
  const checked: Record<string, AnswerValue> = {};
  for (const { question } of visibleQuestions(journey, answers)) {
    const given = answers[question.id];
    if (question.kind === 'file') {
      // Files were checked by content when uploaded (lib/uploads.ts); here only that a required one is there.
      if (given !== undefined) checked[question.id] = given;
      else if (!question.optional)
        problems.push({ question, errors: [{ field: question.id, key: 'required-file' }] });
      continue;
    }
    const result = validateAnswer(question, readerForStored(question, answers), { answers, communeIds, now });
    if (result.ok) checked[question.id] = result.value;
    else problems.push({ question, errors: result.errors });
  }
  return { problems, answers: checked };
}

/**
 * The submission's own fields from the journey's relevant answers: the office, the tracking factors
 * (last four digits of phone and citizen ID), a new tracking key, one dossier per procedure. Null when
 * the answers name no office.
 */
export function submissionFields(
  journey: Journey & { id: string },
  answers: Answers,
  journeyVersion: number,
): Omit<NewSubmission, 'draftId' | 'assisted'> | null {
  const relevant = relevantAnswers(journey, answers);
  const office = officeCommune(relevant);
  if (!office) return null;
  const phone = relevant['applicant-phone'];
  const cid = relevant['applicant-cid'];
  return {
    journeyId: journey.id,
    journeyVersion,
    answers: relevant,
    officeCommuneId: office,
    phoneLast4: typeof phone === 'string' ? phone.slice(-4) : null,
    cidLast4: typeof cid === 'string' && cid.length === 12 ? cid.slice(-4) : null,
    trackingKey: randomCode(TRACKING_KEY_LENGTH),
    procedures: journey.procedures.map((id) => ({ id, version: findProcedure(id)?.version ?? 1 })),
  };
}
