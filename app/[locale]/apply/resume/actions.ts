'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { moveDraftToSession } from '@/db/queries/drafts';
import { isLocale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { parseCode } from '@/lib/codes';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress, hit } from '@/lib/rateLimit';
import { ensureSessionHash } from '@/lib/session';
import { resumeLimit } from '../applyRequest';

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
