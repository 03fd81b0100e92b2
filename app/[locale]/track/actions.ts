'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { findSubmissionByReference } from '@/db/queries/submissions';
import { isLocale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { parseCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { lookUpAllowed, secondFactorMatches } from '@/lib/tracking';

/**
 * The reference plus the last 4 digits of the phone or ID number opens the status page (with the
 * receipt's key in the address, so it can be bookmarked). Every outcome is a redirect (PRG); the digits are
 * never put in a URL. A wrong try does not say whether the reference exists.
 */
export async function trackDossier(form: FormData) {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  const typed = formText(form, 'reference').slice(0, 40);
  const reference = parseCode(typed);
  const digits = formText(form, 'digits').replace(/\s/g, '');
  const back = (error: string): never => {
    const query = new URLSearchParams({ error, ref: typed.replace(/[^0-9A-Za-z -]/g, '') });
    redirect(localePath(locale, `${paths.trackFind()}?${query}`));
  };
  if (!reference) back(/^\d{4}$/.test(digits) ? 'reference' : 'both');
  if (!/^\d{4}$/.test(digits)) back('digits');

  const db = await database();
  const { allowed, overClientLimit, overReceiptLimit } = await lookUpAllowed(
    db,
    reference!,
    await clientAddress(),
  );
  // Neither the reference nor the digits are logged: together they open the application.
  const logger = requestLogger(await headers());
  if (!allowed) {
    logger.warn({ overClientLimit, overReceiptLimit }, 'Tracking refused: limit');
    back('limited');
  }

  const submission = await findSubmissionByReference(db, reference!);
  if (!submission || !submission.trackingKey || !secondFactorMatches(submission, digits)) {
    logger.info('Tracking refused: no match');
    back('wrong');
  }
  redirect(localePath(locale, paths.track(submission!.reference, submission!.trackingKey!)));
}
