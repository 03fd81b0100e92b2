'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { firstUnansweredId } from '@/catalogue/forms/flow';
import { saveLastAttempt } from '@/db/queries/drafts';
import { DraftMovedError, submitDraft } from '@/db/queries/submissions';
import { database } from '@/db/prepare';
import { loadOwnDraft } from '@/lib/application/drafts';
import { channelFor } from '@/lib/assist';
import { recheckAnswers, submissionFields } from '@/lib/application/rules';
import { requireAssistant } from '@/lib/assistGate';
import { allows } from '@/lib/staff/roles';
import { randomCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress, hit } from '@/lib/rateLimit';
import { ensureSessionHash } from '@/lib/session';
import { submitLimit, target } from '../../applyRequest';

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
