import type { Metadata } from 'next';
import { AssistBanner } from '@/components/AssistBanner';
import { redirect } from 'next/navigation';
import { firstUnansweredId, visibleQuestions } from '@/catalogue/forms/flow';
import { ActionForm } from '@/components/forms/ActionForm';
import { RequiredCheckbox } from '@/components/forms/Checkbox';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { answerText } from '@/lib/answerText';
import { localePath, paths } from '@/lib/paths';
import { submitApplication } from './actions';
import { requireDraft } from '../draft';

type Props = PageProps<'/[locale]/apply/[journeyId]/check'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const { draft } = await requireDraft(locale, (await params).journeyId);
  const title = getT(locale, 'apply.check').text('title');
  return draft.lastAttempt?.questionId === '__check'
    ? { title: `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} ${title}` }
    : { title };
}

export default async function CheckAnswersPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { journey, draft, answers } = await requireDraft(locale, (await params).journeyId);
  const missing = firstUnansweredId(journey, answers);
  if (missing) redirect(localePath(locale, paths.question(journey.id, missing)));
  const t = getT(locale, 'apply.check');
  const errorsT = getT(locale, 'apply.errors');
  const questions = getT(locale, 'apply.questions');
  const sections = getT(locale, 'apply.task');
  const procedures = getT(locale, 'catalogue.procedures');
  const failed = draft.lastAttempt?.questionId === '__check';
  // The declaration left unticked, or (rarely) too many submissions from this device just now;
  // in assisted mode, also a commune the helper does not work in.
  const refusal = draft.lastAttempt?.errors[0]?.key;
  const errorKey = (
    failed && (refusal === 'too-many-submissions' || refusal === 'assist-commune') ? refusal : 'declaration'
  ) as KeyIn<'apply.errors'>;
  const visible = visibleQuestions(journey, answers);

  return (
    <PageShell
      locale={locale}
      path={paths.check(journey.id)}
      crumbs={[{ href: localePath(locale, paths.tasks(journey.id)), label: sections('title') }]}
      messageKeys={['apply.check', 'apply.questions', 'apply.task', 'apply.errors']}
    >
      {draft.assistedBy && <AssistBanner locale={locale} />}
      {failed && (
        <ErrorSummary
          title={errorsT('summaryTitle')}
          errors={[{ field: 'declaration', message: errorsT(errorKey) }]}
        />
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      {journey.sections.map((section) => {
        const rows = visible.filter((v) => v.section.id === section.id);
        if (rows.length === 0) return null;
        return (
          <section key={section.id} className="mt-8">
            <h2 className="text-xl">{sections(`sections.${section.id}` as KeyIn<'apply.task'>)}</h2>
            <dl className="mt-2 divide-y divide-slate-300 border-y border-slate-300">
              {rows.map(({ question }) => (
                <div key={question.id} className="grid gap-1 py-3 sm:grid-cols-[2fr_3fr_auto] sm:gap-4">
                  <dt className="font-bold">
                    {questions(`${question.id}.label` as KeyIn<'apply.questions'>)}
                  </dt>
                  <dd className="min-w-0 break-words">
                    {answerText(locale, question, answers[question.id])}
                  </dd>
                  <dd>
                    <a href={localePath(locale, paths.question(journey.id, question.id, true))}>
                      {t('change')}
                      <span className="sr-only">
                        {' '}
                        {questions(`${question.id}.short` as KeyIn<'apply.questions'>)}
                      </span>
                    </a>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}

      <h2 className="mt-8 text-xl">{t('willCreate')}</h2>
      <ul className="mt-2 list-disc pl-6">
        {journey.procedures.map((id) => (
          <li key={id}>{procedures(`${id as 'register-birth'}.title`)}</li>
        ))}
      </ul>

      <ActionForm locale={locale} action={submitApplication} className="mt-8">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="journeyId" value={journey.id} />
        <h2 className="text-xl">{t('declarationTitle')}</h2>
        <div className="mt-2">
          <RequiredCheckbox
            name="declaration"
            label={t('declaration')}
            error={failed ? errorsT(errorKey) : undefined}
          />
        </div>
        <SubmitButton className="mt-6">{t('submit')}</SubmitButton>
      </ActionForm>
    </PageShell>
  );
}
