'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  findQuestion,
  firstUnansweredId,
  isVisible,
  nextQuestionId,
  visibleQuestions,
} from '@/catalogue/forms/flow';
import type { AnswerValue, FileAnswer } from '@/catalogue/forms/types';
import { validateAnswer, type FieldError } from '@/catalogue/forms/validate';
import {
  createDraft,
  deleteExpiredDrafts,
  moveDraftToSession,
  recordConsent,
  saveAnswer,
  saveLastAttempt,
} from '@/db/queries/drafts';
import { deleteFilesFor, storeFile } from '@/db/queries/files';
import { DraftMovedError, submitDraft } from '@/db/queries/submissions';
import { satisfactionRatings } from '@/db/schema';
import { isLocale, type Locale } from '@/i18n/locales';
import { communeIds, database, journeyOrNull, journeyVersion, loadOwnDraft } from '@/lib/applications';
import { channelFor, readAloudLanguage } from '@/lib/assist';
import { recheckAnswers, submissionFields } from '@/lib/submissionRules';
import { requireAssistant } from '@/lib/assistGate';
import { recordAudit } from '@/db/queries/audit';
import { allows } from '@/lib/staff/roles';
import { auditActor } from '@/lib/staff/session';
import { parseCode, randomCode } from '@/lib/codes';
import { env } from '@/lib/env';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress, hit, type Limit } from '@/lib/rateLimit';
import { DRAFT_LIFETIME_DAYS, ensureSessionHash } from '@/lib/session';
import { checkUpload, MAX_UPLOAD_MB, uploadRecord } from '@/lib/uploads';

/**
 * Per client address and 15 minutes. SUBMIT_LIMIT / RESUME_LIMIT change them where one address stands for
 * many people (a village hall behind one 4G hotspot, a proxy without XFF) and in the e2e suite.
 */
const submitLimit = (): Limit => ({ max: env().SUBMIT_LIMIT, windowSeconds: 15 * 60 });
const resumeLimit = (): Limit => ({ max: env().RESUME_LIMIT, windowSeconds: 15 * 60 });

// Every action re-reads and re-checks what it is given: the hidden fields of a form are user input too.

function target(form: FormData) {
  const locale = formText(form, 'locale');
  const journey = journeyOrNull(formText(form, 'journeyId'));
  if (!isLocale(locale) || !journey) redirect('/');
  return { locale: locale as Locale, journey };
}

/** An owned, consented, unsubmitted draft, or a redirect to where the person can recover. */
async function ownDraftOrRedirect(locale: Locale, journeyId: string) {
  const own = await loadOwnDraft(journeyId);
  if (!own) redirect(localePath(locale, `${paths.resume()}?expired=${journeyId}`));
  if (own.submitted) redirect(localePath(locale, paths.confirmation(journeyId)));
  return { ...own, assistant: await requireAssistant(locale, own.draft) };
}

export async function startApplication(form: FormData) {
  const { locale, journey } = target(form);
  const sessionHash = await ensureSessionHash();
  const db = await database();
  await deleteExpiredDrafts(db);
  const existing = await loadOwnDraft(journey.id);
  // Not reopened silently: on a shared device it may be someone else's (in-progress/page.tsx asks).
  if (existing && !existing.submitted) redirect(localePath(locale, paths.inProgress(journey.id)));
  await createDraft(db, {
    sessionHash,
    journeyId: journey.id,
    journeyVersion: journeyVersion(journey),
    resumeCode: randomCode(),
    lifetimeDays: DRAFT_LIFETIME_DAYS,
  });
  requestLogger(await headers()).info({ journeyId: journey.id }, 'Application started');
  redirect(localePath(locale, paths.consent(journey.id)));
}

export async function giveConsent(form: FormData) {
  const { locale, journey } = target(form);
  const { draft, assistant } = await ownDraftOrRedirect(locale, journey.id);
  const db = await database();
  // Assisted: the helper read the text aloud, in a language they name; silence is never consent.
  const readIn = assistant ? readAloudLanguage(formText(form, 'readIn')) : null;
  if (formText(form, 'consent') !== 'yes' || (assistant && !readIn)) {
    await saveLastAttempt(db, draft.id, {
      questionId: '__consent',
      values: {},
      errors: [{ field: 'consent', key: 'consent' }],
    });
    redirect(localePath(locale, paths.consent(journey.id)));
  }
  await recordConsent(db, draft.id, readIn);
  if (assistant) {
    await recordAudit(db, {
      action: 'consent-read-aloud',
      ...auditActor(assistant),
      detail: { journeyId: journey.id, draftId: draft.id, language: readIn },
      clientAddress: await clientAddress(),
    });
  }
  const first =
    firstUnansweredId(journey, draft.answers as never) ?? visibleQuestions(journey, {})[0]!.question.id;
  redirect(localePath(locale, paths.question(journey.id, first)));
}

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

export async function submitApplication(form: FormData) {
  const { locale, journey } = target(form);
  const own = await loadOwnDraft(journey.id);
  if (!own) redirect(localePath(locale, `${paths.resume()}?expired=${journey.id}`));
  const db = await database();
  const { draft, answers } = own;
  if (own.submitted) redirect(localePath(locale, paths.confirmation(journey.id)));
  const assistant = await requireAssistant(locale, draft);

  if (formText(form, 'declaration') !== 'yes') {
    await saveLastAttempt(db, draft.id, {
      questionId: '__check',
      values: {},
      errors: [{ field: 'declaration', key: 'declaration' }],
    });
    redirect(localePath(locale, paths.check(journey.id)));
  }
  const missing = firstUnansweredId(journey, answers);
  if (missing || !draft.consentedAt) redirect(localePath(locale, paths.tasks(journey.id)));
  // Generous (a commune's helpers send many from one laptop), but a script cannot flood the province.
  if (!(await hit(db, `submit:client:${await clientAddress()}`, submitLimit())).allowed) {
    requestLogger(await headers()).warn({ journeyId: journey.id }, 'Submission refused: address limit');
    await saveLastAttempt(db, draft.id, {
      questionId: '__check',
      values: {},
      errors: [{ field: 'declaration', key: 'too-many-submissions' }],
    });
    redirect(localePath(locale, paths.check(journey.id)));
  }

  // Re-check every answer as if typed again: rules may have changed since it was saved.
  const [problem] = recheckAnswers(journey, answers, new Date()).problems;
  if (problem) {
    await saveLastAttempt(db, draft.id, {
      questionId: problem.question.id,
      values: {},
      errors: [...problem.errors],
    });
    redirect(localePath(locale, paths.question(journey.id, problem.question.id, true)));
  }

  const fields = submissionFields(journey, answers, draft.journeyVersion);
  if (!fields) redirect(localePath(locale, paths.tasks(journey.id)));
  const office = fields.officeCommuneId;
  // A helper files for the communes they work in, and the dossier goes to that commune's desk.
  if (assistant && !allows(assistant.grants, 'dossiers:file', { commune: office })) {
    await saveLastAttempt(db, draft.id, {
      questionId: '__check',
      values: {},
      errors: [{ field: 'declaration', key: 'assist-commune' }],
    });
    redirect(localePath(locale, paths.check(journey.id)));
  }
  const sessionHash = await ensureSessionHash();
  const sent = await submitDraft(
    db,
    {
      ...fields,
      draftId: draft.id,
      ...(assistant && {
        assisted: {
          channel: channelFor(assistant.grants, office),
          helperId: assistant.user.id,
          helperDeviceId: assistant.deviceId,
          helperName: assistant.user.name,
          place: draft.assistPlace ?? { kind: 'commune-office', name: '' },
          consentReadIn: draft.consentReadIn,
        },
      }),
    },
    () => randomCode(),
    sessionHash,
  ).catch((error: unknown) => {
    // Resumed on another device a moment before: the draft (and sending it) is theirs now.
    if (error instanceof DraftMovedError)
      redirect(localePath(locale, `${paths.resume()}?expired=${journey.id}`));
    throw error;
  });
  const { submission, created } = sent;
  requestLogger(await headers()).info(
    { journeyId: journey.id, submissionId: submission.id, created, dossiers: journey.procedures.length },
    created ? 'Application submitted' : 'Application already submitted',
  );
  redirect(localePath(locale, paths.confirmation(journey.id)));
}

export async function resumeApplication(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const code = parseCode(formText(form, 'code'));
  const db = await database();
  // Codes cannot be guessed (29⁸ of them), but a client trying many is refused for a while all the same.
  if (!(await hit(db, `resume:client:${await clientAddress()}`, resumeLimit())).allowed) {
    requestLogger(await headers()).warn('Resume refused: address limit');
    redirect(localePath(locale, `${paths.resume()}?error=limited`));
  }
  // A submitted draft's code opens nothing: the receipt and its tracking key stay with the sender.
  const draft = code ? await moveDraftToSession(db, code, await ensureSessionHash()) : undefined;
  if (!draft) {
    requestLogger(await headers()).info('Resume code not found');
    // The typed code is not echoed back in the URL: a resume code is a secret, URLs end up in logs.
    redirect(localePath(locale, `${paths.resume()}?error=1`));
  }
  redirect(localePath(locale, paths.tasks(draft.journeyId)));
}

export async function rateService(form: FormData) {
  const { locale, journey } = target(form);
  const rating = Number(formText(form, 'rating'));
  const own = await loadOwnDraft(journey.id);
  if (!own?.submitted) redirect(localePath(locale, paths.tasks(journey.id)));
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    redirect(localePath(locale, `${paths.confirmation(journey.id)}?rating=missing`));
  }
  // Stored with the journey only: no link to the person, the draft or the submission.
  await (await database()).insert(satisfactionRatings).values({ journeyId: journey.id, rating });
  redirect(localePath(locale, `${paths.confirmation(journey.id)}?rating=thanks`));
}
