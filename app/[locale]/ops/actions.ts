'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/db/queries/audit';
import { retryDeadLetter } from '@/db/queries/outbox';
import { isLocale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { auditActor, requireStaff } from '@/lib/staff/session';

/** "Retry" on a dead letter: for staff with `ops:retry`, audited with the dossier it sends again. */
export async function retryDeadLetterAction(form: FormData) {
  const locale = formText(form, 'locale');
  const id = formText(form, 'id');
  if (!isLocale(locale)) redirect('/');
  const staff = await requireStaff(locale, 'ops:retry');
  const uuid = /^[0-9a-f-]{36}$/.test(id) ? id : null;
  const db = await database();
  const retried = uuid ? await retryDeadLetter(db, uuid) : null;
  if (retried) {
    await recordAudit(db, {
      action: 'dead-letter-retried',
      ...auditActor(staff),
      dossierId: retried.dossierId,
      detail: { outboxId: uuid },
      clientAddress: await clientAddress(),
    });
  }
  requestLogger(await headers()).info({ outboxId: uuid, done: retried !== null }, 'Dead letter sent again');
  redirect(localePath(locale, `${paths.ops()}${retried ? '?retried=1' : ''}`));
}
