'use server';

import { redirect } from 'next/navigation';
import { draftRevision } from '@/db/queries/content';
import { database } from '@/db/prepare';
import {
  isTranslatedLanguage,
  parseTranslationForm,
  sectionOf,
  sourceText,
  TRANSLATION_KIND,
} from '@/lib/content/translations';
import { formText } from '@/lib/formData';
import { localePath, paths } from '@/lib/paths';
import { requireStaff, signedInStaff } from '@/lib/staff/session';
import { localeOf, typedParam } from '../staffRequest';

/**
 * A translator sends one string's translation for review (issue 15, docs/adr/0031): authorised for that
 * language on the server, checked as the CSV import checks (placeholders, ICU syntax, plural `other`),
 * stored and sent in one transaction (audited in db/queries/content.ts); a refused one comes back with
 * what was typed and an error naming the key, nothing stored.
 */

export async function saveTranslationAction(form: FormData) {
  const locale = localeOf(form);
  const language = formText(form, 'language');
  await signedInStaff(locale);
  if (!isTranslatedLanguage(language)) redirect(localePath(locale, paths.staffTranslations()));
  const staff = await requireStaff(locale, 'content:translate', { language });
  const key = formText(form, 'key');
  if (sourceText(key) === undefined) redirect(localePath(locale, paths.staffTranslation(language)));
  const back: (query: string) => never = (query) =>
    redirect(`${localePath(locale, paths.staffTranslation(language, sectionOf(key)))}&${query}`);
  const typed = {
    text: formText(form, 'text'),
    status: formText(form, 'status'),
    note: formText(form, 'note'),
  };
  const parsed = parseTranslationForm(key, typed);
  const named = `key=${encodeURIComponent(key)}`;
  if (!parsed.ok) {
    back(`${named}&error=${parsed.error.kind}${typedParam(typed)}`);
  }
  await draftRevision(await database(), {
    kind: TRANSLATION_KIND,
    key,
    locale: language,
    value: parsed.value,
    note: parsed.note,
    authorId: staff.user.id,
    submit: true,
  });
  back(`${named}&sent=1`);
}
