import type { Metadata } from 'next';
import { AssistBanner } from '@/components/AssistBanner';
import { notFound, redirect } from 'next/navigation';
import { findQuestion, isVisible, previousQuestionId } from '@/catalogue/forms/flow';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { QuestionField } from '@/components/forms/QuestionField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { formatNumber } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { fieldValues } from '@/lib/application/answers';
import { formatCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { saveAnswerAction } from './actions';
import { requireDraft } from '../../draft';

type Props = PageProps<'/[locale]/apply/[journeyId]/q/[questionId]'>;

async function load(props: Props) {
  const locale = await localeFrom(props.params);
  const { journeyId, questionId } = await props.params;
  const own = await requireDraft(locale, journeyId);
  const found = findQuestion(own.journey, questionId);
  if (!found) notFound();
  if (!own.draft.consentedAt) redirect(localePath(locale, paths.consent(own.journey.id)));
  // A question hidden by an earlier answer (e.g. the father's name after "not married") is not asked.
  if (!isVisible(own.journey, own.answers, questionId))
    redirect(localePath(locale, paths.tasks(own.journey.id)));
  const attempt = own.draft.lastAttempt?.questionId === questionId ? own.draft.lastAttempt : null;
  const change = (await props.searchParams).change === '1';
  return { locale, ...own, ...found, attempt, change };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, question, attempt } = await load(props);
  const label = getT(locale, 'apply.questions').text(`${question.id}.label` as KeyIn<'apply.questions'>);
  const count = attempt?.errors.length ?? 0;
  return { title: count ? `${getT(locale, 'apply.errors').text('titlePrefix', { count })} ${label}` : label };
}

function fileSize(bytes: number, locale: Locale) {
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
}

export default async function QuestionPage(props: Props) {
  const { locale, journey, draft, answers, question, section, attempt, change } = await load(props);
  const ui = getT(locale, 'apply.question');
  const errorsT = getT(locale, 'apply.errors');
  const questions = getT(locale, 'apply.questions');
  const task = getT(locale, 'apply.task');
  const fieldName = questions.text(`${question.id}.short` as KeyIn<'apply.questions'>);
  const errors = (attempt?.errors ?? []).map((e) => ({
    field: e.field,
    message: errorsT(e.key as KeyIn<'apply.errors'>, { field: fieldName, ...(e.values ?? {}) }),
  }));
  const values = attempt ? attempt.values : fieldValues(question.id, answers[question.id]);
  const answer = answers[question.id];
  const currentFile =
    answer && typeof answer === 'object' && 'fileId' in answer
      ? { name: answer.name, size: fileSize(answer.size, locale), href: paths.file(answer.fileId) }
      : undefined;
  const previous = previousQuestionId(journey, answers, question.id);
  const back = change
    ? paths.check(journey.id)
    : previous
      ? paths.question(journey.id, previous)
      : paths.tasks(journey.id);

  return (
    <PageShell
      locale={locale}
      path={paths.question(journey.id, question.id, change)}
      messageKeys={['apply.question', `apply.questions.${question.id}`, 'apply.errors', 'apply.task']}
    >
      {draft.assistedBy && <AssistBanner locale={locale} />}
      <p className="no-print mb-4">
        <a href={localePath(locale, back)} className="inline-flex min-h-6 items-center gap-1">
          <span aria-hidden="true">‹</span> {ui('back')}
        </a>
      </p>
      <ErrorSummary title={errorsT('summaryTitle')} errors={errors} />
      <p className="text-slate-700">
        {ui('progress', { section: task.text(`sections.${section.id}` as KeyIn<'apply.task'>) })}
      </p>
      <ActionForm locale={locale} action={saveAnswerAction} className="mt-1">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="journeyId" value={journey.id} />
        <input type="hidden" name="questionId" value={question.id} />
        {change && <input type="hidden" name="change" value="1" />}
        <QuestionField
          locale={locale}
          question={question}
          values={values}
          errors={errors}
          currentFile={currentFile}
        />
        <div className="mt-8 flex flex-wrap items-center gap-4">
          <SubmitButton>{ui('continue')}</SubmitButton>
          {question.kind === 'file' && question.optional && (
            <button
              type="submit"
              name="skip"
              value="1"
              className="min-h-12 rounded border-2 border-slate-900 px-4 text-lg"
            >
              {ui('skipFile')}
            </button>
          )}
        </div>
      </ActionForm>
      <p className="mt-8 text-sm text-slate-700">
        {task('resumeCode', { code: formatCode(draft.resumeCode) })}
      </p>
    </PageShell>
  );
}
