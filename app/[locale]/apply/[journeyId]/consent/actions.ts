'use server';

import { redirect } from 'next/navigation';
import { firstUnansweredId, visibleQuestions } from '@/catalogue/forms/flow';
import { recordConsent, saveLastAttempt } from '@/db/queries/drafts';
import { database } from '@/db/prepare';
import { readAloudLanguage } from '@/lib/assist';
import { recordAudit } from '@/db/queries/audit';
import { auditActor } from '@/lib/staff/session';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { target, ownDraftOrRedirect } from '../../applyRequest';

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
