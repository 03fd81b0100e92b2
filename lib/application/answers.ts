import type { AnswerValue, Answers, Question } from '@/catalogue/forms/types';
import type { FieldReader } from '@/catalogue/forms/validate';

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
