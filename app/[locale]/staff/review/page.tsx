import type { Metadata } from 'next';
import { findProcedure } from '@/catalogue';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { PageShell } from '@/components/layout/PageShell';
import { FactValue } from '@/components/staff/FactValue';
import { awaitingReview, publishedContent } from '@/db/queries/content';
import { staffNames } from '@/db/queries/staff';
import { database } from '@/db/prepare';
import { formatDateTime, formatDay } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { FACT_KIND, isFactField, withPublishedFacts } from '@/lib/content/facts';
import {
  isTranslatedLanguage,
  isTranslationValue,
  sourceText,
  toTranslations,
  TRANSLATION_KIND,
  type TranslationValue,
} from '@/lib/content/translations';
import type { ContentItem } from '@/db/schema';
import { fileTranslation } from '@/i18n/messages';
import { localeInfo, type Locale } from '@/i18n/locales';
import { localePath, paths } from '@/lib/paths';
import { requireStaff } from '@/lib/staff/session';
import { staffRobots, staffTitle } from '../staffRequest';
import { decideAction } from '../content/actions';

type Props = PageProps<'/[locale]/staff/review'>;

/** What a revision in the queue changes: a procedure's fact, or a string in one language. */
function changeOf(item: ContentItem, value: unknown) {
  if (item.kind === FACT_KIND) {
    const [procedureId = '', field = ''] = item.key.split(':');
    const procedure = findProcedure(procedureId);
    if (!procedure || !isFactField(field)) return null;
    return { kind: 'fact' as const, procedureId, field, procedure };
  }
  if (
    item.kind === TRANSLATION_KIND &&
    isTranslatedLanguage(item.locale) &&
    isTranslationValue(item.key, value)
  ) {
    return { kind: 'translation' as const, language: item.locale, key: item.key, value };
  }
  return null;
}

/** A translation as the review shows it: the text in its language, and whether it is a draft. */
function TranslationShown({
  locale,
  language,
  value,
}: {
  locale: Locale;
  language: Locale;
  value: TranslationValue | undefined;
}) {
  const words = getT(locale, 'staff.translations');
  if (!value) return <p>{words('state.none')}</p>;
  return (
    <>
      <p lang={language} className="whitespace-pre-line">
        {value.text}
      </p>
      <p className="text-sm">{words(value.status)}</p>
    </>
  );
}

const refusals = ['not-found', 'own-change', 'not-in-review'] as const;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.review').text('title');
  const hasError = (await searchParams).error === 'decision-note';
  return { title: staffTitle(locale, title, hasError), robots: staffRobots };
}

/**
 * The reviewer's queue (issue 15): every change the moment its editor sends it, oldest first, with what
 * the guide shows now beside what it would show, its source and check date; approve, or reject with a
 * reason. A reviewer's own changes are listed but not decided here: the server refuses that anyway.
 */
export default async function ReviewPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await requireStaff(locale, 'content:review');
  const db = await database();
  const [queue, published, publishedTexts] = await Promise.all([
    awaitingReview(db),
    publishedContent(db, FACT_KIND),
    publishedContent(db, TRANSLATION_KIND),
  ]);
  const translations = new Map<string, TranslationValue>(
    toTranslations(publishedTexts).map((p) => [`${p.locale}:${p.key}`, { text: p.text, status: p.status }]),
  );
  const names = await staffNames(
    db,
    queue.map((entry) => entry.revision.authorId),
  );
  const query = await searchParams;
  const t = getT(locale, 'staff.review');
  const facts = getT(locale, 'staff.content');
  const texts = getT(locale, 'catalogue.procedures');
  const noteError =
    query.error === 'decision-note' && typeof query.revision === 'string' ? query.revision : null;
  const refused = (refusals as readonly unknown[]).includes(query.refused)
    ? (query.refused as (typeof refusals)[number])
    : null;
  const decided =
    typeof query.published === 'string'
      ? 'published'
      : typeof query.rejected === 'string'
        ? 'rejected'
        : null;
  return (
    <PageShell
      locale={locale}
      path={paths.staffReview()}
      crumbs={[{ href: localePath(locale, paths.staffContent()), label: facts('title') }]}
      messageKeys={[
        'staff.review',
        'staff.content',
        'staff.translations',
        'procedure',
        'catalogue.procedures',
        'catalogue.documents',
        'apply.errors',
      ]}
    >
      {noteError && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[{ field: `note-${noteError}`, message: t('noteNeeded') }]}
        />
      )}
      {(decided || refused) && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {decided && t(`${decided}Done`)}
          {refused && t(`refused.${refused}`)}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro', { count: queue.length })}</p>
      <ol className="mt-6 space-y-8">
        {queue.map(({ revision, item }) => {
          const change = changeOf(item, revision.value);
          if (!change) {
            // Written when it could be shown; the portal changed since (a key gone, its placeholders
            // changed). It can only be rejected, so that it does not wait in the queue for good.
            return (
              <li key={revision.id} className="border-2 border-slate-300 p-4" data-revision-id={revision.id}>
                <h2 className="font-mono text-xl break-all">
                  {item.kind} {item.locale} {item.key}
                </h2>
                <p className="mt-1">{t('unshowable')}</p>
                <ActionForm locale={locale} action={decideAction} className="mt-3">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="revisionId" value={revision.id} />
                  <input type="hidden" name="decisionNote" value={t.text('unshowableNote')} />
                  <button
                    type="submit"
                    name="intent"
                    value="reject"
                    className="min-h-12 rounded bg-red-800 px-5 font-bold text-white hover:bg-red-900"
                  >
                    {t('reject')}
                  </button>
                </ActionForm>
              </li>
            );
          }
          const liveFact =
            change.kind === 'fact'
              ? withPublishedFacts(change.procedure, published)[change.field]
              : undefined;
          const headingId = `change-${revision.id}`;
          const mine = revision.authorId === staff.user.id;
          const noteId = `note-${revision.id}`;
          const error = noteError === revision.id ? t('noteNeeded') : null;
          return (
            <li
              key={revision.id}
              aria-labelledby={headingId}
              className="border-2 border-slate-300 p-4"
              data-revision-id={revision.id}
            >
              <h2 id={headingId} className="text-xl">
                {change.kind === 'fact' ? (
                  <>
                    {texts(`${change.procedureId}.title` as KeyIn<'catalogue.procedures'>)}:{' '}
                    {facts(`fields.${change.field}`)}
                  </>
                ) : (
                  t.rich('translationOf', {
                    language: (
                      <span key="language" lang={change.language}>
                        {localeInfo[change.language].autonym}
                      </span>
                    ),
                    key: change.key,
                  })
                )}
              </h2>
              <p className="mt-1">
                {t('sentBy', {
                  name: names.get(revision.authorId) ?? '—',
                  date: formatDateTime(revision.submittedAt ?? revision.createdAt, locale),
                })}
              </p>
              <p>
                {facts('noteShown')} <span className="italic">{revision.note}</span>
              </p>
              {change.kind === 'translation' && (
                <p className="mt-2">
                  <span className="font-bold">{t('sourceText')}:</span>{' '}
                  <span lang="vi">{sourceText(change.key)}</span>
                </p>
              )}
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                <div>
                  <h3 className="font-bold">{t('now')}</h3>
                  {change.kind === 'fact' ? (
                    liveFact ? (
                      <FactValue field={change.field} value={liveFact.value} locale={locale} />
                    ) : (
                      facts('none')
                    )
                  ) : (
                    <TranslationShown
                      locale={locale}
                      language={change.language}
                      value={
                        translations.get(`${change.language}:${change.key}`) ??
                        fileTranslation(change.language, change.key)
                      }
                    />
                  )}
                </div>
                <div>
                  <h3 className="font-bold">{t('proposed')}</h3>
                  {change.kind === 'fact' ? (
                    <FactValue field={change.field} value={revision.value} locale={locale} />
                  ) : (
                    <TranslationShown locale={locale} language={change.language} value={change.value} />
                  )}
                </div>
              </div>
              {change.kind === 'fact' && (
                <p className="mt-2">
                  {revision.source && revision.checkedOn
                    ? facts('sourceShown', {
                        source: revision.source,
                        date: formatDay(revision.checkedOn, locale),
                      })
                    : t('noSource')}
                </p>
              )}
              {revision.publishAt && (
                <p className="mt-1">{t('scheduled', { date: formatDateTime(revision.publishAt, locale) })}</p>
              )}
              {mine ? (
                <p className="mt-3 font-bold">{t('ownChange')}</p>
              ) : (
                <ActionForm locale={locale} action={decideAction} className="mt-3">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="revisionId" value={revision.id} />
                  <div className={error ? 'border-l-4 border-red-700 pl-3' : ''}>
                    <label htmlFor={noteId} className="block font-bold">
                      {t('decisionNote')}
                    </label>
                    <p id={`${noteId}-hint`} className="text-slate-700">
                      {t('decisionNoteHint')}
                    </p>
                    {error && <FieldError id={`${noteId}-error`}>{error}</FieldError>}
                    <textarea
                      id={noteId}
                      name="decisionNote"
                      rows={2}
                      maxLength={300}
                      aria-describedby={`${noteId}-hint${error ? ` ${noteId}-error` : ''}`}
                      aria-invalid={error ? true : undefined}
                      className="mt-1 w-full rounded border-2 border-slate-900 p-2"
                    />
                  </div>
                  <div className="mt-3 flex flex-wrap gap-3">
                    <button
                      type="submit"
                      name="intent"
                      value="approve"
                      className="min-h-12 rounded bg-green-800 px-5 font-bold text-white hover:bg-green-900"
                    >
                      {t('approve')}
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="reject"
                      className="min-h-12 rounded bg-red-800 px-5 font-bold text-white hover:bg-red-900"
                    >
                      {t('reject')}
                    </button>
                  </div>
                </ActionForm>
              )}
            </li>
          );
        })}
      </ol>
    </PageShell>
  );
}
