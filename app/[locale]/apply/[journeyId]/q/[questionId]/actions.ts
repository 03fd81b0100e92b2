'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { findQuestion, firstUnansweredId, isVisible, nextQuestionId } from '@/catalogue/forms/flow';
import type { AnswerValue, FileAnswer } from '@/catalogue/forms/types';
import { validateAnswer, type FieldError } from '@/catalogue/forms/validate';
import { saveAnswer, saveLastAttempt } from '@/db/queries/drafts';
import { deleteFilesFor, storeFile } from '@/db/queries/files';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { DRAFT_LIFETIME_DAYS } from '@/lib/session';
import { checkUpload, MAX_UPLOAD_MB, uploadRecord } from '@/lib/uploads';
import { target, ownDraftOrRedirect } from '../../../applyRequest';

export async function saveAnswerAction(form: FormData) {
  const { locale, journey } = target(form);
  const { draft, answers } = await ownDraftOrRedirect(locale, journey.id);
  if (!draft.consentedAt) redirect(localePath(locale, paths.consent(journey.id)));
  const questionId = formText(form, 'questionId');
  const change = formText(form, 'change') === '1';
  const found = findQuestion(journey, questionId);
  if (!found || !isVisible(journey, answers, questionId))
    redirect(localePath(locale, paths.tasks(journey.id)));
  const { question } = found;
  const db = await database();
  const back = localePath(locale, paths.question(journey.id, questionId, change));

  let value: AnswerValue;
  let errors: FieldError[] = [];
  if (question.kind === 'file') {
    const upload = form.get(questionId);
    const previous = answers[questionId];
    if (formText(form, 'skip') === '1' && question.optional) {
      await deleteFilesFor(db, draft.id, questionId);
      value = '';
    } else if ((!(upload instanceof File) || upload.size === 0) && previous && typeof previous === 'object') {
      value = previous; // Continue with the file already uploaded.
    } else if (question.optional && (!(upload instanceof File) || !upload.name)) {
      value = ''; // An optional upload left empty is a skip.
    } else {
      const checked = await checkUpload(upload instanceof File ? upload : null);
      if (!checked.ok) {
        requestLogger(await headers()).info(
          { journeyId: journey.id, questionId, refused: checked.key },
          'Upload refused',
        );
        errors = [
          {
            field: questionId,
            key: checked.key,
            ...(checked.key === 'file-too-big' ? { values: { max: MAX_UPLOAD_MB } } : {}),
          },
        ];
        value = '';
      } else {
        await deleteFilesFor(db, draft.id, questionId);
        const fileId = await storeFile(db, uploadRecord(question, draft.id, checked));
        value = { fileId, name: checked.name, size: checked.bytes.byteLength } satisfies FileAnswer;
      }
    }
  } else {
    const result = validateAnswer(question, (name) => formText(form, name), {
      answers,
      communeIds,
      now: new Date(),
    });
    if (result.ok) value = result.value;
    else {
      errors = result.errors;
      value = '';
    }
  }

  if (errors.length > 0) {
    // Keep what was typed (never a file) so the page can show it again beside the errors; saveLastAttempt
    // drops its control characters.
    const values: Record<string, string> = {};
    for (const name of [questionId, `${questionId}-day`, `${questionId}-month`, `${questionId}-year`]) {
      const typed = form.get(name);
      if (typeof typed === 'string') values[name] = formText(form, name).slice(0, 1000);
    }
    await saveLastAttempt(db, draft.id, {
      questionId,
      values,
      errors,
    });
    redirect(back);
  }

  await saveAnswer(db, draft.id, questionId, value, DRAFT_LIFETIME_DAYS);
  const updated = { ...answers, [questionId]: value };
  // From "check your answers", go back there — unless the change revealed a question not yet answered.
  const next = change ? firstUnansweredId(journey, updated) : nextQuestionId(journey, updated, questionId);
  redirect(localePath(locale, next ? paths.question(journey.id, next, change) : paths.check(journey.id)));
}
