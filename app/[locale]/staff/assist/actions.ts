'use server';

import { localeOf } from '../staffRequest';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { createDraft, deleteAssistedDrafts, deleteExpiredDrafts } from '@/db/queries/drafts';
import { recordAudit } from '@/db/queries/audit';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { journeyOrNull, journeyVersion } from '@/lib/application/journeys';
import { filingCommunes, parsePlace } from '@/lib/assist';
import { randomCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { clearSession, currentSessionHash, DRAFT_LIFETIME_DAYS, newSession } from '@/lib/session';
import { auditActor, signedInStaff } from '@/lib/staff/session';

/**
 * "Apply for this person": a new application for a villager, under a session of its own, so nothing the
 * last villager's cookie opened can be reached from this browser again (docs/adr/0026).
 */
export async function startAssistedApplication(form: FormData) {
  const locale = localeOf(form);
  const staff = await signedInStaff(locale);
  const back = (error: string) => redirect(localePath(locale, `${paths.staffAssist()}?error=${error}`));
  const journey = journeyOrNull(formText(form, 'journeyId'));
  if (!journey) back('journey');
  const commune = formText(form, 'commune');
  // The commune comes from a hidden field or a select: user input like any other, checked on the server.
  if (!filingCommunes(staff.grants, communeIds).includes(commune))
    redirect(localePath(locale, paths.staffForbidden()));
  const place = parsePlace(formText(form, 'placeKind'), formText(form, 'placeName'));
  if (typeof place === 'string') back(place);
  const db = await database();
  await deleteExpiredDrafts(db);
  const sessionHash = await newSession();
  const draft = await createDraft(db, {
    sessionHash,
    journeyId: journey!.id,
    journeyVersion: journeyVersion(journey!),
    resumeCode: randomCode(),
    lifetimeDays: DRAFT_LIFETIME_DAYS,
    assistedBy: staff.user.id,
    assistPlace: typeof place === 'string' ? undefined : place,
  });
  await recordAudit(db, {
    action: 'application-started',
    ...auditActor(staff),
    detail: { journeyId: journey!.id, commune, draftId: draft.id },
    clientAddress: await clientAddress(),
  });
  requestLogger(await headers()).info({ journeyId: journey!.id }, 'Assisted application started');
  redirect(localePath(locale, paths.consent(journey!.id)));
}

/**
 * "Finish and clear this device": the villager's unsubmitted drafts started here by this helper are
 * deleted with their files, and the browser's session cookie is forgotten. The helper stays signed in.
 */
export async function finishAndClear(form: FormData) {
  const locale = localeOf(form);
  const staff = await signedInStaff(locale);
  const sessionHash = await currentSessionHash();
  const db = await database();
  const deleted = sessionHash ? await deleteAssistedDrafts(db, sessionHash, staff.user.id) : 0;
  await clearSession();
  await recordAudit(db, {
    action: 'device-cleared',
    ...auditActor(staff),
    detail: { draftsDeleted: deleted },
    clientAddress: await clientAddress(),
  });
  redirect(localePath(locale, `${paths.staffAssist()}?cleared=1`));
}
