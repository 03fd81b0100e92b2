import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { findProcedure } from '@/catalogue';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { PageShell } from '@/components/layout/PageShell';
import { FactValue } from '@/components/staff/FactValue';
import { StaffField } from '@/components/staff/StaffField';
import { SampleLabel } from '@/components/ui/SampleLabel';
import type { ContentRevision } from '@/db/schema';
import { contentHistory, publishedContent, SUPERSEDED_NOTE } from '@/db/queries/content';
import { staffNames } from '@/db/queries/staff';
import { database } from '@/db/prepare';
import { formatDateTime, formatDay } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import {
  documentIds,
  errorInput,
  FACT_KIND,
  FACT_LIMITS,
  factKey,
  formOf,
  isFactField,
  RESTORE_CATALOGUE_NOTE,
  withPublishedFacts,
  type FactError,
  type FactField,
  type FactForm,
} from '@/lib/content/facts';
import { localePath, paths } from '@/lib/paths';
import { allows } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots, staffTitle, typedFrom } from '../../../staffRequest';
import { restoreCatalogueAction, restoreFactAction, saveFactAction, sendDraftAction } from '../../actions';

type Props = PageProps<'/[locale]/staff/content/[procedureId]/[field]'>;

const factErrors = Object.keys(errorInput) as FactError[];

function errorOf(query: Record<string, string | string[] | undefined>): FactError | null {
  return (factErrors as unknown[]).includes(query.error) ? (query.error as FactError) : null;
}

/** What the editor typed, sent back with an error so nothing typed is lost (nothing was stored). */
function typedOf(query: Record<string, string | string[] | undefined>): FactForm | null {
  const parsed = typedFrom(query);
  if (!parsed) return null;
  return Object.fromEntries(
    Object.entries(parsed).filter(
      ([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    ),
  ) as FactForm;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const { procedureId, field } = await params;
  if (!findProcedure(procedureId) || !isFactField(field)) return {};
  const title = getT(locale, 'staff.content').text('editTitle', {
    procedure: getT(locale, 'catalogue.procedures').text(
      `${procedureId}.title` as KeyIn<'catalogue.procedures'>,
    ),
    fact: getT(locale, 'staff.content').text(`fields.${field}`),
  });
  return { title: staffTitle(locale, title, errorOf(await searchParams) !== null), robots: staffRobots };
}

/**
 * One fact of one procedure (issue 15): what the guide shows now, a form to change it with its official
 * source and the day it was checked (a draft, or straight to review), and its history, each version with
 * what it changed and a restore. Works without JavaScript.
 */
export default async function FactPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const { procedureId, field } = await params;
  const catalogued = findProcedure(procedureId);
  if (!catalogued || !isFactField(field)) notFound();
  const staff = await signedInStaff(locale);
  const canEdit = allows(staff.grants, 'content:edit');
  if (!canEdit && !allows(staff.grants, 'content:review')) {
    redirect(localePath(locale, paths.staffForbidden()));
  }
  const db = await database();
  const [published, history] = await Promise.all([
    publishedContent(db, FACT_KIND),
    contentHistory(db, { kind: FACT_KIND, key: factKey(procedureId, field) }),
  ]);
  const names = await staffNames(
    db,
    history.flatMap((r) => [r.authorId, r.reviewerId]),
  );
  const live = withPublishedFacts(catalogued, published)[field];
  const query = await searchParams;
  const error = errorOf(query);
  const t = getT(locale, 'staff.content');
  const message = error ? t(`errors.${error}`, FACT_LIMITS) : null;
  const at = error ? errorInput[error] : null;
  const typed = error ? typedOf(query) : null;
  const values: FactForm = typed ?? { ...(live ? formOf(field, live.value) : {}) };
  const source = typed ? String(typed.source ?? '') : live?.status === 'verified' ? live.source : '';
  const checkedOn = typed
    ? String(typed.checkedOn ?? '')
    : live?.status === 'verified'
      ? (live.checkedOn ?? '')
      : '';
  const title = t('editTitle', {
    procedure: getT(locale, 'catalogue.procedures').text(
      `${procedureId}.title` as KeyIn<'catalogue.procedures'>,
    ),
    fact: t.text(`fields.${field}`),
  });
  const done = ['saved', 'sent', 'restored', 'refused'].filter((k) => typeof query[k] === 'string');
  return (
    <PageShell
      locale={locale}
      path={paths.staffFact(procedureId, field)}
      crumbs={[{ href: localePath(locale, paths.staffContent()), label: t('title') }]}
      messageKeys={[
        'staff.content',
        'procedure',
        'catalogue.procedures',
        'catalogue.documents',
        'apply.errors',
      ]}
    >
      {message && at && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[{ field: at, message }]}
        />
      )}
      {done.length > 0 && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {query.restored === '0'
            ? t('restoredCatalogueDone')
            : query.restored && t('restoredDone', { number: String(query.restored) })}{' '}
          {query.sent && t('sentDone', { number: String(query.sent) })}
          {query.saved && t('savedDone', { number: String(query.saved) })}
          {query.refused && t('refusedDone')}
        </p>
      )}
      <h1 className="text-3xl">{title}</h1>

      <section aria-labelledby="live-title" className="mt-6 border-2 border-slate-300 p-4">
        <h2 id="live-title" className="text-xl">
          {t('liveTitle')}
        </h2>
        <div className="mt-2 text-lg" data-live-value>
          {live ? <FactValue field={field} value={live.value} locale={locale} /> : t('none')}
        </div>
        {live && <SampleLabel fact={live} locale={locale} />}
      </section>

      {canEdit && (
        <section aria-labelledby="change-title" className="mt-8">
          <h2 id="change-title" className="text-2xl">
            {t('changeTitle')}
          </h2>
          <p className="mt-2 max-w-prose">{t('changeHint')}</p>
          <ActionForm locale={locale} action={saveFactAction} className="mt-2">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="procedureId" value={procedureId} />
            <input type="hidden" name="field" value={field} />
            <ValueInputs field={field} values={values} locale={locale} at={at} message={message} />
            <StaffField
              id="source"
              label={t('source')}
              hint={t('sourceHint', FACT_LIMITS)}
              autoComplete="off"
              maxLength={FACT_LIMITS.maxSource}
              defaultValue={source}
              error={at === 'source' ? message : null}
            />
            <StaffField
              id="checkedOn"
              type="date"
              label={t('checkedOn')}
              hint={t('checkedOnHint')}
              autoComplete="off"
              defaultValue={checkedOn}
              error={at === 'checkedOn' ? message : null}
            />
            <StaffField
              id="publishOn"
              type="date"
              label={t('publishOn')}
              hint={t('publishOnHint')}
              autoComplete="off"
              defaultValue={typed ? String(typed.publishOn ?? '') : ''}
              error={at === 'publishOn' ? message : null}
            />
            <StaffField
              id="note"
              label={t('note')}
              hint={t('noteHint')}
              autoComplete="off"
              maxLength={FACT_LIMITS.maxNote}
              defaultValue={typed ? String(typed.note ?? '') : ''}
              error={at === 'note' ? message : null}
            />
            <div className="mt-6 flex flex-wrap gap-3">
              <button
                type="submit"
                name="intent"
                value="review"
                className="min-h-12 rounded bg-green-800 px-5 text-lg font-bold text-white hover:bg-green-900"
              >
                {t('sendForReview')}
              </button>
              <button
                type="submit"
                name="intent"
                value="draft"
                className="min-h-12 rounded border-2 border-slate-900 px-5 text-lg font-bold"
              >
                {t('saveDraft')}
              </button>
            </div>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="history-title" className="mt-10">
        <h2 id="history-title" className="text-2xl">
          {t('historyTitle')}
        </h2>
        {history.length === 0 ? (
          <p className="mt-2">{t('noHistory')}</p>
        ) : (
          <ol className="mt-2 space-y-4">
            {history.map((revision, i) => (
              <Version
                key={revision.id}
                revision={revision}
                before={history[i + 1]}
                field={field}
                locale={locale}
                names={names}
                mine={revision.authorId === staff.user.id}
                canEdit={canEdit}
              />
            ))}
            {catalogued[field] && (
              <li className="border-l-4 border-slate-400 pl-3" data-revision="0">
                <h3 className="text-lg">{t('catalogueVersion')}</h3>
                <div className="mt-1">
                  <FactValue field={field} value={catalogued[field].value} locale={locale} />
                </div>
                <SampleLabel fact={catalogued[field]} locale={locale} />
                {canEdit && (
                  <ActionForm locale={locale} action={restoreCatalogueAction} className="mt-2">
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="procedureId" value={procedureId} />
                    <input type="hidden" name="field" value={field} />
                    <button
                      type="submit"
                      className="min-h-11 rounded border-2 border-slate-900 px-3 font-bold"
                    >
                      {t('restoreCatalogue')}
                    </button>
                  </ActionForm>
                )}
              </li>
            )}
          </ol>
        )}
      </section>
    </PageShell>
  );
}

/** A change note as written, or the restore it records in words. */
function noteText(note: string, locale: Locale): string {
  const t = getT(locale, 'staff.content');
  if (note === RESTORE_CATALOGUE_NOTE) return t.text('restoredCatalogueNote');
  const restored = /^restore:(\d+)$/.exec(note);
  return restored ? t.text('restoredNote', { number: Number(restored[1]) }) : note;
}

function Version({
  revision,
  before,
  field,
  locale,
  names,
  mine,
  canEdit,
}: {
  revision: ContentRevision;
  before: ContentRevision | undefined;
  field: FactField;
  locale: Locale;
  names: Map<string, string>;
  mine: boolean;
  canEdit: boolean;
}) {
  const t = getT(locale, 'staff.content');
  const changed = before && JSON.stringify(before.value) !== JSON.stringify(revision.value);
  return (
    <li
      className="border-l-4 border-slate-400 pl-3"
      data-revision={revision.number}
      data-state={revision.state}
    >
      <h3 className="text-lg">
        {t('version', { number: revision.number })} · {t(`states.${revision.state}`)}
      </h3>
      <p>
        {t('by', {
          name: names.get(revision.authorId) ?? '—',
          date: formatDateTime(revision.createdAt, locale),
        })}
      </p>
      <p>
        {t('noteShown')} <span className="italic">{noteText(revision.note, locale)}</span>
      </p>
      <div className="mt-1">
        <FactValue field={field} value={revision.value} locale={locale} />
      </div>
      {changed && (
        <div className="mt-1 text-slate-800">
          {t('was')} <FactValue field={field} value={before.value} locale={locale} />
        </div>
      )}
      {revision.source && revision.checkedOn && (
        <p className="mt-1">
          {t('sourceShown', {
            source: revision.source,
            date: formatDay(revision.checkedOn, locale),
          })}
        </p>
      )}
      {revision.publishAt && revision.state === 'published' && (
        <p className="mt-1">{t('publishedAt', { date: formatDateTime(revision.publishAt, locale) })}</p>
      )}
      {revision.decisionNote?.startsWith(`${SUPERSEDED_NOTE}:`) && (
        <p className="mt-1">
          {t('superseded', { number: revision.decisionNote.slice(SUPERSEDED_NOTE.length + 1) })}
        </p>
      )}
      {revision.reviewerId && (
        <p className="mt-1">
          {t('decidedBy', { name: names.get(revision.reviewerId) ?? '—' })}
          {revision.decisionNote && <span className="italic"> “{revision.decisionNote}”</span>}
        </p>
      )}
      {canEdit && revision.state === 'draft' && mine && (
        <ActionForm locale={locale} action={sendDraftAction} className="mt-2">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="revisionId" value={revision.id} />
          <button
            type="submit"
            className="min-h-11 rounded bg-green-800 px-3 font-bold text-white hover:bg-green-900"
          >
            {t('sendVersion', { number: revision.number })}
          </button>
        </ActionForm>
      )}
      {canEdit && revision.state !== 'draft' && revision.state !== 'in-review' && (
        <ActionForm locale={locale} action={restoreFactAction} className="mt-2">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="revisionId" value={revision.id} />
          <button type="submit" className="min-h-11 rounded border-2 border-slate-900 px-3 font-bold">
            {t('restore', { number: revision.number })}
          </button>
        </ActionForm>
      )}
    </li>
  );
}

/** The inputs for the fact's value: radios, a list of papers, lines of law, a code. */
function ValueInputs({
  field,
  values,
  locale,
  at,
  message,
}: {
  field: FactField;
  values: FactForm;
  locale: Locale;
  at: string | null;
  message: ReactNode;
}) {
  const t = getT(locale, 'staff.content');
  const p = getT(locale, 'procedure');
  const one = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : (v?.[0] ?? '');
  };
  const errorFor = (id: string) => (at === id ? message : null);
  switch (field) {
    case 'fee':
      return (
        <>
          <Choice
            id="feeKind"
            legend={t('fields.fee')}
            options={[
              { value: 'free', label: p('fee.free') },
              { value: 'vnd', label: t('feeVnd') },
            ]}
            checked={one('feeKind')}
            error={errorFor('feeKind')}
          />
          <StaffField
            id="feeAmount"
            label={t('feeAmount')}
            hint={t('feeAmountHint', FACT_LIMITS)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            defaultValue={one('feeAmount')}
            error={errorFor('feeAmount')}
          />
        </>
      );
    case 'processingTime':
      return (
        <>
          <Choice
            id="unit"
            legend={t('unit')}
            options={(['same-day', 'working-days', 'days', 'yearly-review'] as const).map((unit) => ({
              value: unit,
              label: t(`units.${unit}`),
            }))}
            checked={one('unit')}
            error={errorFor('unit')}
          />
          <StaffField
            id="amount"
            label={t('amount')}
            hint={t('amountHint', FACT_LIMITS)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            defaultValue={one('amount')}
            error={errorFor('amount')}
          />
        </>
      );
    case 'online':
      return (
        <Choice
          id="online"
          legend={t('fields.online')}
          options={(['full', 'partial', 'in-person'] as const).map((level) => ({
            value: level,
            label: p(`online.${level}`),
          }))}
          checked={one('online')}
          error={errorFor('online')}
        />
      );
    case 'documents': {
      const documents = getT(locale, 'catalogue.documents');
      const chosen = new Set(
        typeof values.documents === 'string' ? [values.documents] : (values.documents ?? []),
      );
      const error = errorFor('documents');
      return (
        <fieldset
          className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
          aria-describedby={error ? 'documents-error' : undefined}
        >
          <legend className="text-lg font-bold">{t('fields.documents')}</legend>
          {error && <FieldError id="documents-error">{error}</FieldError>}
          {documentIds.map((doc, i) => (
            <div key={doc} className="mt-2 flex items-start gap-2">
              <input
                type="checkbox"
                id={i === 0 ? 'documents' : `documents-${doc}`}
                name="documents"
                value={doc}
                defaultChecked={chosen.has(doc)}
                className="mt-1 size-6 shrink-0"
              />
              <label htmlFor={i === 0 ? 'documents' : `documents-${doc}`}>
                {documents(doc as KeyIn<'catalogue.documents'>)}
              </label>
            </div>
          ))}
        </fieldset>
      );
    }
    case 'legalBasis': {
      const error = errorFor('legalBasis');
      return (
        <div className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
          <label htmlFor="legalBasis" className="block text-lg font-bold">
            {t('fields.legalBasis')}
          </label>
          <p id="legalBasis-hint" className="mt-1 text-slate-700">
            {t('legalBasisHint', FACT_LIMITS)}
          </p>
          {error && <FieldError id="legalBasis-error">{error}</FieldError>}
          <textarea
            id="legalBasis"
            name="legalBasis"
            rows={5}
            lang="vi"
            defaultValue={one('legalBasis')}
            aria-describedby={`legalBasis-hint${error ? ' legalBasis-error' : ''}`}
            aria-invalid={error ? true : undefined}
            className={`mt-1 w-full rounded border-2 p-2 text-lg ${error ? 'border-red-700' : 'border-slate-900'}`}
          />
        </div>
      );
    }
    case 'nationalCode':
      return (
        <StaffField
          id="nationalCode"
          label={t('fields.nationalCode')}
          hint={t('nationalCodeHint')}
          autoComplete="off"
          maxLength={30}
          defaultValue={one('nationalCode')}
          error={errorFor('nationalCode')}
        />
      );
  }
}

function Choice({
  id,
  legend,
  options,
  checked,
  error,
}: {
  id: string;
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode }[];
  checked: string;
  error: ReactNode;
}) {
  return (
    <fieldset
      className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="text-lg font-bold">{legend}</legend>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      {options.map((option, i) => {
        const inputId = i === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="mt-2 flex items-start gap-2">
            <input
              type="radio"
              id={inputId}
              name={id}
              value={option.value}
              defaultChecked={checked === option.value}
              className="mt-1 size-6 shrink-0"
            />
            <label htmlFor={inputId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
