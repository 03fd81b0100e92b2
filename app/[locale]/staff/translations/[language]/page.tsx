import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { PageShell } from '@/components/layout/PageShell';
import { DataTable } from '@/components/staff/DataTable';
import { inReviewByKey, publishedContent } from '@/db/queries/content';
import { database } from '@/db/prepare';
import { fileTranslation } from '@/i18n/messages';
import { localeInfo, type Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type Translate } from '@/i18n/translate';
import {
  isTranslatedLanguage,
  isTranslationValue,
  parseTranslationForm,
  sourceText,
  toTranslations,
  TRANSLATION_KIND,
  TRANSLATION_LIMITS,
  translationSections,
  type TranslationError,
  type TranslationValue,
} from '@/lib/content/translations';
import { localePath, paths } from '@/lib/paths';
import { placeholdersOf } from '@/lib/translationCsv';
import { requireStaff } from '@/lib/staff/session';
import { staffRobots, staffTitle, typedFrom } from '../../staffRequest';
import { saveTranslationAction } from '../actions';

type Props = PageProps<'/[locale]/staff/translations/[language]'>;
type Query = Record<string, string | string[] | undefined>;

const errorKinds: readonly TranslationError['kind'][] = [
  'empty',
  'too-long',
  'control',
  'status',
  'note',
  'syntax',
  'placeholders',
  'no-other',
];

/** The refused key, its error and what was typed, from the redirect's query (nothing was stored). */
function refusedOf(query: Query) {
  const key = typeof query.key === 'string' ? query.key : '';
  const kind = errorKinds.find((k) => k === query.error);
  if (!kind || sourceText(key) === undefined) return null;
  const v = typedFrom(query);
  const typed = v && {
    text: String(v.text ?? ''),
    status: String(v.status ?? ''),
    note: String(v.note ?? ''),
  };
  // The details (which placeholders) are the check's own, run again on what was typed.
  const parsed = typed ? parseTranslationForm(key, typed) : null;
  const error: TranslationError = parsed && !parsed.ok ? parsed.error : ({ kind } as TranslationError);
  return { key, error, typed };
}

function errorMessage(t: Translate<'staff.translations'>, key: string, error: TranslationError): string {
  switch (error.kind) {
    case 'too-long':
      return t.text('errors.too-long', { key, max: TRANSLATION_LIMITS.maxText });
    case 'note':
      return t.text('errors.note', { key, max: TRANSLATION_LIMITS.maxNote });
    case 'syntax':
      return t.text('errors.syntax', { key, code: 'code' in error ? error.code : '' });
    case 'placeholders':
      return 'expected' in error
        ? t.text('errors.placeholders', { key, expected: error.expected, found: error.found })
        : t.text('errors.placeholders', { key, expected: '…', found: '…' });
    default:
      return t.text(`errors.${error.kind}`, { key });
  }
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const { language } = await params;
  if (!isTranslatedLanguage(language)) return {};
  const query = await searchParams;
  const t = getT(locale, 'staff.translations');
  const name = localeInfo[language].autonym;
  const section =
    typeof query.section === 'string' && translationSections().has(query.section) ? query.section : null;
  const title = section
    ? t.text('sectionTitle', { language: name, section })
    : t.text('languageTitle', { language: name });
  return { title: staffTitle(locale, title, refusedOf(query) !== null), robots: staffRobots };
}

/** The text shown now for each key of `language`: published here, else the file's; with its status. */
async function liveTexts(language: Locale) {
  const db = await database();
  const [published, inReview] = await Promise.all([
    publishedContent(db, TRANSLATION_KIND),
    inReviewByKey(db, TRANSLATION_KIND, language),
  ]);
  const live = new Map<string, TranslationValue>(
    toTranslations(published)
      .filter((p) => p.locale === language)
      .map((p) => [p.key, { text: p.text, status: p.status }]),
  );
  const current = (key: string): TranslationValue | undefined =>
    live.get(key) ?? fileTranslation(language, key);
  return { current, inReview };
}

/**
 * One language's translations (issue 15, docs/adr/0031): its sections with how many strings are
 * translated, and one section's strings, each beside the Vietnamese with what the pages show now, a
 * form to write or fix it and mark it draft or checked, and what awaits review. Read from the database,
 * not the public pages' cache. Works without JavaScript; only a translator for this language gets in.
 */
export default async function TranslationPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const { language } = await params;
  if (!isTranslatedLanguage(language)) notFound();
  await requireStaff(locale, 'content:translate', { language });
  const query = await searchParams;
  const sections = translationSections();
  const section = typeof query.section === 'string' && sections.has(query.section) ? query.section : null;
  const { current, inReview } = await liveTexts(language);
  const t = getT(locale, 'staff.translations');
  const name = (
    <span key="language" lang={language}>
      {localeInfo[language].autonym}
    </span>
  );
  const refused = refusedOf(query);
  const sent =
    typeof query.sent === 'string' && typeof query.key === 'string' && sourceText(query.key) !== undefined
      ? query.key
      : null;
  const keys = section ? sections.get(section)! : [];
  const refusedIndex = refused ? keys.indexOf(refused.key) : -1;
  const fieldOf = (error: TranslationError, index: number) =>
    error.kind === 'status'
      ? `status-${index}-draft`
      : error.kind === 'note'
        ? `note-${index}`
        : `text-${index}`;
  return (
    <PageShell
      locale={locale}
      path={paths.staffTranslation(language, section ?? undefined)}
      crumbs={[
        { href: localePath(locale, paths.staffTranslations()), label: t('title') },
        ...(section
          ? [{ href: localePath(locale, paths.staffTranslation(language)), label: t('back') }]
          : []),
      ]}
      messageKeys={['staff.translations', 'apply.errors']}
    >
      {refused && refusedIndex >= 0 && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[
            {
              field: fieldOf(refused.error, refusedIndex),
              message: errorMessage(t, refused.key, refused.error),
            },
          ]}
        />
      )}
      {sent && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('sentDone', { key: sent })}
        </p>
      )}
      <h1 className="text-3xl">
        {section
          ? t.rich('sectionTitle', { language: name, section })
          : t.rich('languageTitle', { language: name })}
      </h1>
      {!section && (
        <h2 id="sections" className="mt-6 text-2xl">
          {t('sections')}
        </h2>
      )}
      {!section && (
        <DataTable labelledBy="sections" columns={[t('section'), t('done')]}>
          {[...sections].map(([id, sectionKeys]) => (
            <tr key={id} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-3 font-normal">
                <a href={localePath(locale, paths.staffTranslation(language, id))} className="font-bold">
                  {id}
                </a>
              </th>
              <td className="py-2 pr-3" data-section-done={id}>
                {t('doneCount', {
                  done: sectionKeys.filter((key) => current(key) !== undefined).length,
                  total: sectionKeys.length,
                })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {section && (
        <ol className="mt-6 space-y-8">
          {keys.map((key, index) => {
            const source = sourceText(key)!;
            const live = current(key);
            const waiting = inReview.get(key);
            const proposed = isTranslationValue(key, waiting?.value) ? waiting.value : undefined;
            const mine = refused?.key === key ? refused : null;
            const error = mine ? errorMessage(t, key, mine.error) : null;
            const shown = mine?.typed ?? proposed ?? live;
            const status = mine?.typed?.status ?? proposed?.status ?? live?.status ?? 'draft';
            const textError = error && mine && fieldOf(mine.error, index) === `text-${index}`;
            // Placeholders stay as they are: the hint names them, as the check does.
            const placeholders = placeholdersOf(source);
            const example = placeholders === 'none' ? undefined : placeholders;
            const describedBy = [
              `source-${index}`,
              `state-${index}`,
              example ? `text-${index}-hint` : null,
              textError ? `text-${index}-error` : null,
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <li
                key={key}
                data-key={key}
                aria-labelledby={`key-${index}`}
                className="border-2 border-slate-300 p-4"
              >
                <h2 id={`key-${index}`} className="font-mono text-lg break-all">
                  {key}
                </h2>
                <p id={`source-${index}`} className="mt-2">
                  <span className="font-bold">{t('source')}:</span> <span lang="vi">{source}</span>
                </p>
                <p id={`state-${index}`} className="mt-1">
                  {proposed
                    ? t('state.inReview')
                    : live
                      ? t(live.status === 'reviewed' ? 'state.reviewed' : 'state.draft')
                      : t('state.none')}
                </p>
                <ActionForm locale={locale} action={saveTranslationAction} className="mt-3">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="language" value={language} />
                  <input type="hidden" name="key" value={key} />
                  <div className={textError ? 'border-l-4 border-red-700 pl-3' : ''}>
                    <label htmlFor={`text-${index}`} className="block font-bold">
                      {t('text')} <span className="sr-only">{key}</span>
                    </label>
                    {example && (
                      <p id={`text-${index}-hint`} className="text-slate-700">
                        {t('textHint', { example })}
                      </p>
                    )}
                    {textError && <FieldError id={`text-${index}-error`}>{error}</FieldError>}
                    <textarea
                      id={`text-${index}`}
                      name="text"
                      lang={language}
                      rows={Math.min(8, Math.max(2, Math.ceil(source.length / 60)))}
                      maxLength={TRANSLATION_LIMITS.maxText}
                      defaultValue={shown?.text ?? ''}
                      aria-describedby={describedBy}
                      aria-invalid={textError ? true : undefined}
                      className="mt-1 w-full rounded border-2 border-slate-900 p-2"
                    />
                  </div>
                  <fieldset
                    className={`mt-3 ${error && mine?.error.kind === 'status' ? 'border-l-4 border-red-700 pl-3' : ''}`}
                    aria-describedby={
                      error && mine?.error.kind === 'status' ? `status-${index}-error` : undefined
                    }
                  >
                    <legend className="font-bold">{t('status')}</legend>
                    {error && mine?.error.kind === 'status' && (
                      <FieldError id={`status-${index}-error`}>{error}</FieldError>
                    )}
                    {(['draft', 'reviewed'] as const).map((value) => (
                      <div key={value} className="mt-1 flex items-center gap-2">
                        <input
                          type="radio"
                          id={`status-${index}-${value}`}
                          name="status"
                          value={value}
                          defaultChecked={status === value}
                          className="h-6 w-6"
                        />
                        <label htmlFor={`status-${index}-${value}`}>{t(value)}</label>
                      </div>
                    ))}
                  </fieldset>
                  <div
                    className={`mt-3 ${error && mine?.error.kind === 'note' ? 'border-l-4 border-red-700 pl-3' : ''}`}
                  >
                    <label htmlFor={`note-${index}`} className="block font-bold">
                      {t('note')}
                    </label>
                    {error && mine?.error.kind === 'note' && (
                      <FieldError id={`note-${index}-error`}>{error}</FieldError>
                    )}
                    <input
                      id={`note-${index}`}
                      name="note"
                      maxLength={TRANSLATION_LIMITS.maxNote}
                      defaultValue={mine?.typed?.note ?? ''}
                      autoComplete="off"
                      aria-describedby={
                        error && mine?.error.kind === 'note' ? `note-${index}-error` : undefined
                      }
                      aria-invalid={error && mine?.error.kind === 'note' ? true : undefined}
                      className="mt-1 min-h-12 w-full rounded border-2 border-slate-900 px-3"
                    />
                  </div>
                  <button
                    type="submit"
                    className="mt-3 min-h-12 rounded bg-blue-800 px-5 font-bold text-white hover:bg-blue-900"
                  >
                    {t('send')}
                  </button>
                </ActionForm>
              </li>
            );
          })}
        </ol>
      )}
    </PageShell>
  );
}
