import type { Answers, Journey, Question, Section } from './types';

/**
 * Pure flow functions: which questions a person sees, in which order, given their answers so far.
 * A question's `when` sees only the answers to questions still visible before it, so changing an early
 * answer (married → not married) hides the questions that depended on it, and their stale answers are
 * left out of what is submitted.
 */

export interface VisibleQuestion {
  readonly question: Question;
  readonly section: Section;
}

export function visibleQuestions(journey: Journey, answers: Answers): VisibleQuestion[] {
  const kept: Record<string, Answers[string]> = {};
  const visible: VisibleQuestion[] = [];
  for (const section of journey.sections) {
    for (const question of section.questions) {
      if (question.when && !question.when(kept)) continue;
      visible.push({ question, section });
      const answer = answers[question.id];
      if (answer !== undefined) kept[question.id] = answer;
    }
  }
  return visible;
}

/** The answers that count: only those to questions still visible. */
export function relevantAnswers(journey: Journey, answers: Answers): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const { question } of visibleQuestions(journey, answers)) {
    const answer = answers[question.id];
    if (answer !== undefined) out[question.id] = answer;
  }
  return out;
}

export function findQuestion(journey: Journey, questionId: string): VisibleQuestion | undefined {
  for (const section of journey.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return { question, section };
  }
  return undefined;
}

export function isVisible(journey: Journey, answers: Answers, questionId: string): boolean {
  return visibleQuestions(journey, answers).some((v) => v.question.id === questionId);
}

/** The question after `questionId`, or null when the next stop is "check your answers". */
export function nextQuestionId(journey: Journey, answers: Answers, questionId: string): string | null {
  const visible = visibleQuestions(journey, answers);
  const index = visible.findIndex((v) => v.question.id === questionId);
  return visible[index + 1]?.question.id ?? null;
}

/** The question before `questionId`, or null on the first question (the back link goes to the task list). */
export function previousQuestionId(journey: Journey, answers: Answers, questionId: string): string | null {
  const visible = visibleQuestions(journey, answers);
  const index = visible.findIndex((v) => v.question.id === questionId);
  return index > 0 ? (visible[index - 1]?.question.id ?? null) : null;
}

export function firstUnansweredId(journey: Journey, answers: Answers): string | null {
  return (
    visibleQuestions(journey, answers).find((v) => answers[v.question.id] === undefined)?.question.id ?? null
  );
}

export function isComplete(journey: Journey, answers: Answers): boolean {
  return firstUnansweredId(journey, answers) === null;
}

export type SectionStatus = 'completed' | 'in-progress' | 'not-started';

/** Task-list status of each section, for long applications. */
export function sectionStatuses(journey: Journey, answers: Answers) {
  const visible = visibleQuestions(journey, answers);
  return journey.sections.map((section) => {
    const questions = visible.filter((v) => v.section.id === section.id).map((v) => v.question.id);
    const answered = questions.filter((id) => answers[id] !== undefined).length;
    const status: SectionStatus =
      answered === 0 ? 'not-started' : answered === questions.length ? 'completed' : 'in-progress';
    const firstOpen = questions.find((id) => answers[id] === undefined) ?? questions[0] ?? null;
    return { section, status, firstOpen };
  });
}
