'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { retryDeadLetter } from '@/db/queries/outbox';
import { isLocale } from '@/i18n/locales';
import { database } from '@/lib/applications';
import { formText } from '@/lib/formData';
import { requestLogger } from '@/lib/log';
import { opsAuthorized } from '@/lib/opsAuth';
import { localePath, paths } from '@/lib/paths';

/** "Retry" on a dead letter. The proxy already asked for the credential; checked again here. */
export async function retryDeadLetterAction(form: FormData) {
  const locale = formText(form, 'locale');
  const id = formText(form, 'id');
  if (!isLocale(locale)) redirect('/');
  if (!opsAuthorized((await headers()).get('authorization'))) redirect('/');
  const uuid = /^[0-9a-f-]{36}$/.test(id) ? id : null;
  const done = uuid ? await retryDeadLetter(await database(), uuid) : false;
  requestLogger(await headers()).info({ outboxId: uuid, done }, 'Dead letter sent again');
  redirect(localePath(locale, `${paths.ops()}${done ? '?retried=1' : ''}`));
}
