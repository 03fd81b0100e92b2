'use server';

import { redirect } from 'next/navigation';
import { markOriginalsReceived } from '@/db/queries/desk';
import { findSubmissionByReference } from '@/db/queries/submissions';
import { isLocale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { parseCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { requireStaff, signedInStaff } from '@/lib/staff/session';

/**
 * "Originals received" at the desk: for staff who process the dossier's commune (checked here, on the
 * server, against the dossier's own commune, whatever the form says), recorded once and audited.
 */
export async function markOriginalsReceivedAction(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const reference = parseCode(formText(form, 'reference'));
  // Signed in first: an anonymous post goes to the sign-in page, not to "no access".
  await signedInStaff(locale);
  const db = await database();
  const submission = reference ? await findSubmissionByReference(db, reference) : undefined;
  if (!submission) redirect(localePath(locale, paths.staffDesk()));
  const staff = await requireStaff(locale, 'dossiers:process', { commune: submission.officeCommuneId });
  await markOriginalsReceived(db, submission.id, {
    id: staff.user.id,
    clientAddress: await clientAddress(),
  });
  redirect(`${localePath(locale, paths.staffDossier(submission.reference))}?originals=1`);
}
