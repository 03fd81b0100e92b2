'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { findProcedure } from '@/catalogue';
import {
  decideRevision,
  draftRevision,
  findRevision,
  restoreRevision,
  submitForReview,
} from '@/db/queries/content';
import { database } from '@/db/prepare';
import type { Locale } from '@/i18n/locales';
import {
  FACT_KIND,
  factKey,
  isFactField,
  parseFactForm,
  RESTORE_CATALOGUE_NOTE,
  type FactField,
  type FactForm,
} from '@/lib/content/facts';
import { CONTENT_TAG } from '@/lib/content/live';
import { loadTranslations, TRANSLATION_KIND } from '@/lib/content/translations';
import { formText } from '@/lib/formData';
import { log } from '@/lib/log';
import { localePath, paths } from '@/lib/paths';
import { requireStaff, signedInStaff } from '@/lib/staff/session';
import { localeOf, typedParam } from '../staffRequest';

/**
 * The province's editors and reviewers (issue 15, docs/adr/0030): an editor drafts a procedure fact and
 * sends it for review, or restores an old value as a new draft; a reviewer approves or rejects. Each
 * action is authorised here, on the server, and audited in db/queries/content.ts, which also refuses an
 * approval by the change's own author whatever reaches it.
 */

/** The procedure and field the form names, or back to the list. */
function factOf(form: FormData, locale: Locale): { procedureId: string; field: FactField } {
  const procedureId = formText(form, 'procedureId');
  const field = formText(form, 'field');
  if (!findProcedure(procedureId) || !isFactField(field)) redirect(localePath(locale, paths.staffContent()));
  return { procedureId, field };
}

function backToFact(locale: Locale, procedureId: string, field: string, query: string): never {
  redirect(`${localePath(locale, paths.staffFact(procedureId, field))}?${query}`);
}

/** The posted form's own fields, to show them again with an error (nothing is stored until it is right). */
function postedFields(form: FormData): FactForm {
  const fields: Record<string, string | string[]> = {};
  for (const name of [
    'feeKind',
    'feeAmount',
    'unit',
    'amount',
    'online',
    'legalBasis',
    'nationalCode',
    'source',
    'checkedOn',
    'publishOn',
    'note',
  ]) {
    fields[name] = formText(form, name);
  }
  fields.documents = form.getAll('documents').filter((d): d is string => typeof d === 'string');
  return fields;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

export async function saveFactAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:edit');
  const { procedureId, field } = factOf(form, locale);
  const posted = postedFields(form);
  const parsed = parseFactForm(field, posted, today());
  if (!parsed.ok) {
    backToFact(locale, procedureId, field, `error=${parsed.error}${typedParam(posted)}`);
  }
  const db = await database();
  const revision = await draftRevision(db, {
    kind: FACT_KIND,
    key: factKey(procedureId, field),
    value: parsed.fact.value,
    source: parsed.fact.source,
    checkedOn: parsed.fact.checkedOn,
    note: parsed.fact.note,
    publishAt: parsed.fact.publishAt,
    authorId: staff.user.id,
  });
  if (formText(form, 'intent') === 'review') {
    await submitForReview(db, revision.id, staff.user.id);
    backToFact(locale, procedureId, field, `sent=${revision.number}`);
  }
  backToFact(locale, procedureId, field, `saved=${revision.number}`);
}

/** The revision the form names, if it is a procedure fact's; the fact it belongs to. */
async function factRevision(form: FormData, locale: Locale) {
  const revisionId = formText(form, 'revisionId');
  const found = /^[0-9a-f-]{36}$/.test(revisionId) ? await findRevision(await database(), revisionId) : null;
  const [procedureId = '', field = ''] = found?.item.key.split(':') ?? [];
  if (!found || found.item.kind !== FACT_KIND || !findProcedure(procedureId) || !isFactField(field)) {
    redirect(localePath(locale, paths.staffContent()));
  }
  return { revision: found.revision, procedureId, field };
}

export async function sendDraftAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:edit');
  const { revision, procedureId, field } = await factRevision(form, locale);
  const outcome = await submitForReview(await database(), revision.id, staff.user.id);
  backToFact(
    locale,
    procedureId,
    field,
    outcome.ok ? `sent=${revision.number}` : `refused=${outcome.refused}`,
  );
}

export async function restoreFactAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:edit');
  const { revision, procedureId, field } = await factRevision(form, locale);
  const restored = await restoreRevision(await database(), revision.id, staff.user.id);
  backToFact(locale, procedureId, field, `restored=${revision.number}&saved=${restored!.number}`);
}

/** The catalogue's own (sample) value as a new draft: how an item goes back to what it was before any change. */
export async function restoreCatalogueAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:edit');
  const { procedureId, field } = factOf(form, locale);
  const catalogued = findProcedure(procedureId)![field];
  if (!catalogued) backToFact(locale, procedureId, field, '');
  const restored = await draftRevision(await database(), {
    kind: FACT_KIND,
    key: factKey(procedureId, field),
    value: catalogued.value,
    note: RESTORE_CATALOGUE_NOTE,
    authorId: staff.user.id,
  });
  backToFact(locale, procedureId, field, `restored=0&saved=${restored.number}`);
}

/** A revision the review page lists (a fact's or a translation's), or back to the queue. */
async function reviewable(form: FormData, locale: Locale) {
  const revisionId = formText(form, 'revisionId');
  const found = /^[0-9a-f-]{36}$/.test(revisionId) ? await findRevision(await database(), revisionId) : null;
  if (!found || (found.item.kind !== FACT_KIND && found.item.kind !== TRANSLATION_KIND)) {
    redirect(localePath(locale, paths.staffReview()));
  }
  return found;
}

export async function decideAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:review');
  const { revision, item } = await reviewable(form, locale);
  const approve = formText(form, 'intent') === 'approve';
  const note = formText(form, 'decisionNote').trim().replace(/\s+/g, ' ');
  const review = localePath(locale, paths.staffReview());
  if (!approve && (!note || note.length > 300)) {
    redirect(`${review}?error=decision-note&revision=${revision.id}`);
  }
  const db = await database();
  const outcome = await decideRevision(db, {
    revisionId: revision.id,
    reviewerId: staff.user.id,
    approve,
    note: note || undefined,
  });
  if (!outcome.ok) redirect(`${review}?refused=${outcome.refused}`);
  // This instance at once (read-your-own-writes); the others when their watcher hears of it.
  if (approve) {
    // Approved and committed whatever happens next: a failed load here is the watcher's to do again.
    if (item.kind === TRANSLATION_KIND) {
      await loadTranslations(db).catch((error: unknown) =>
        log.warn({ err: error }, 'Could not load the published translations; the watcher will'),
      );
    }
    updateTag(CONTENT_TAG);
  }
  redirect(`${review}?${approve ? 'published' : 'rejected'}=${revision.id}`);
}
