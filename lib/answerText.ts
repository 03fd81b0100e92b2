import type { AnswerValue, Question } from '@/catalogue/forms/types';
import { maskCitizenId } from '@/catalogue/forms/citizenId';
import { communeName } from '@/catalogue/province';
import { formatDate } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import type { ReactNode } from 'react';

/** An answer as shown back on "check your answers": option labels, dates, commune names, masked IDs. */
export function answerText(locale: Locale, question: Question, answer: AnswerValue | undefined): ReactNode {
  const check = getT(locale, 'apply.check');
  if (answer === undefined || answer === '') return check('notGiven');
  if (typeof answer === 'object') {
    if ('fileId' in answer) return answer.name;
    if (!answer.day) return check('yearOnly', { year: answer.year });
    return formatDate(
      new Date(Date.UTC(Number(answer.year), Number(answer.month) - 1, Number(answer.day), 5)),
      locale,
    );
  }
  switch (question.kind) {
    case 'choice':
      return getT(locale, 'apply.questions')(`${question.id}.options.${answer}` as KeyIn<'apply.questions'>);
    case 'commune':
    case 'text':
    case 'name':
    case 'phone':
    case 'number':
      return question.kind === 'commune' ? communeName(answer) : answer;
    case 'citizen-id':
      // Shown masked even to its owner: the screen may be a shared laptop at the village hall.
      return maskCitizenId(answer);
    default:
      return answer;
  }
}
