import type { Metadata } from 'next';
import { visibleQuestions } from '@/catalogue/forms/flow';
import type { Answers } from '@/catalogue/forms/types';
import { communeName } from '@/catalogue/province';
import { helpedByText } from '@/components/AssistBanner';
import { ActionForm } from '@/components/forms/ActionForm';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { auditTrailWithActors, recordAudit } from '@/db/queries/audit';
import { AuditTable } from '@/components/staff/AuditTable';
import { openDossier } from '@/db/queries/desk';
import { formatDateTime, formatNumber } from '@/i18n/format';
import { isLocale, localeInfo } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { answerText } from '@/lib/answerText';
import { database } from '@/db/prepare';
import { journeyOrNull } from '@/lib/application/journeys';
import { formatCode, parseCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { clientAddress } from '@/lib/rateLimit';
import { allows } from '@/lib/staff/roles';
import { auditActor, signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../../staffRequest';
import { markOriginalsReceivedAction } from '../actions';

type Props = PageProps<'/[locale]/staff/desk/[reference]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const code = parseCode(reference);
  const title = getT(await localeFrom(params), 'staff.desk').text('dossierTitle', {
    reference: code ? formatCode(code) : '',
  });
  return { title, robots: staffRobots };
}

/**
 * One dossier at the desk, whole: the answers with the citizen ID in full (the officer compares it with the
 * card), the attachments, who helped and how consent was given, where delivery stands; print it, and mark
 * the originals received. Each opening goes into the audit log; so does a refused one (another commune's).
 */
export default async function DossierPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const t = getT(locale, 'staff.desk');
  const reference = parseCode((await params).reference);
  const db = await database();
  const found = reference ? await openDossier(db, reference) : null;
  const address = await clientAddress();
  const permitted =
    found !== null && allows(staff.grants, 'dossiers:process', { commune: found.submission.officeCommuneId });
  const back = (
    <p className="no-print mt-6">
      <a href={localePath(locale, paths.staffDesk())} className="font-bold">
        {t('back')}
      </a>
    </p>
  );
  if (!found || !permitted) {
    if (found) {
      await recordAudit(db, {
        action: 'dossier-open-refused',
        ...auditActor(staff),
        submissionId: found.submission.id,
        clientAddress: address,
      });
    }
    // The same words whether it does not exist or belongs to another commune: the desk reveals nothing.
    return (
      <PageShell locale={locale} path={paths.staffDesk()} crumbs={[]} messageKeys={['staff.desk']}>
        <h1 className="text-3xl">{t('notFoundTitle')}</h1>
        <p className="mt-2">{t('notFound')}</p>
        {back}
      </PageShell>
    );
  }
  const { submission, dossiers, files } = found;
  await recordAudit(db, {
    action: 'dossier-opened',
    ...auditActor(staff),
    submissionId: submission.id,
    clientAddress: address,
  });

  // After this opening's own entry: the officer sees that their look is recorded too.
  const history = await auditTrailWithActors(db, { submissionId: submission.id, limit: 50 });
  const journey = journeyOrNull(submission.journeyId);
  const answers = submission.answers as Answers;
  const visible = journey ? visibleQuestions(journey, answers) : [];
  const questions = getT(locale, 'apply.questions');
  const sections = getT(locale, 'apply.task');
  const procedures = getT(locale, 'catalogue.procedures');
  const commune = communeName(submission.officeCommuneId);
  const marked = (await searchParams).originals === '1';
  const readIn = submission.consentReadIn;

  return (
    <PageShell
      locale={locale}
      path={paths.staffDossier(submission.reference)}
      crumbs={[{ href: localePath(locale, paths.staffDesk()), label: t('title') }]}
      messageKeys={['staff.desk', 'staff.audit', 'apply.questions', 'apply.task', 'catalogue.procedures']}
    >
      <article className="staff-print">
        {marked && (
          <p role="status" className="no-print mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
            {t('originalsMarked')}
          </p>
        )}
        <h1 className="text-3xl">{t('dossierTitle', { reference: formatCode(submission.reference) })}</h1>
        <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-bold">{t('columns.procedure')}</dt>
          <dd>{procedures(`${submission.journeyId as 'register-birth'}.title`)}</dd>
          <dt className="font-bold">{t('columns.commune')}</dt>
          <dd>{commune}</dd>
          <dt className="font-bold">{t('columns.submitted')}</dt>
          <dd>{formatDateTime(submission.submittedAt, locale)}</dd>
          <dt className="font-bold">{t('channel')}</dt>
          <dd>
            {t(`channels.${submission.channel}`)}
            {submission.helperName && (
              <>
                <br />
                {helpedByText(locale, submission)}
              </>
            )}
          </dd>
          {readIn && (
            <>
              <dt className="font-bold">{t('consent')}</dt>
              <dd>
                {t('consentReadIn', {
                  language: isLocale(readIn) ? localeInfo[readIn].autonym : readIn,
                })}
              </dd>
            </>
          )}
        </dl>

        <h2 className="mt-8 text-2xl">{t('dossiers')}</h2>
        <ul className="mt-2 space-y-2">
          {dossiers.map((d) => (
            <li key={d.id} className="border-l-4 border-slate-400 pl-3">
              <span className="font-bold">{procedures(`${d.procedureId as 'register-birth'}.title`)}</span>
              <br />
              {t(`delivery.${d.delivery}`)}
              {d.provinceCode && <> · {t('provinceCode', { code: d.provinceCode })}</>}
              {d.provinceStatus === 'more-documents-needed' && (
                <>
                  <br />
                  <strong>{t('moreDocuments')}</strong>
                </>
              )}
            </li>
          ))}
        </ul>

        <h2 className="mt-8 text-2xl">{t('answers')}</h2>
        {journey ? (
          journey.sections.map((section) => {
            const rows = visible.filter((v) => v.section.id === section.id);
            if (rows.length === 0) return null;
            return (
              <section key={section.id} className="mt-4">
                <h3 className="text-xl">{sections(`sections.${section.id}` as KeyIn<'apply.task'>)}</h3>
                <dl className="mt-2 divide-y divide-slate-300 border-y border-slate-300">
                  {rows.map(({ question }) => {
                    const answer = answers[question.id];
                    return (
                      <div key={question.id} className="grid gap-1 py-2 sm:grid-cols-[2fr_3fr] sm:gap-4">
                        <dt className="font-bold">
                          {questions(`${question.id}.label` as KeyIn<'apply.questions'>)}
                        </dt>
                        <dd className="min-w-0 break-words">
                          {/* In full here, unlike the citizen's own screens: the officer checks it against the card. */}
                          {question.kind === 'citizen-id' && typeof answer === 'string' ? (
                            <span className="font-mono">{answer}</span>
                          ) : (
                            answerText(locale, question, answer)
                          )}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </section>
            );
          })
        ) : (
          <p className="mt-2">{t('journeyGone')}</p>
        )}

        <h2 className="mt-8 text-2xl">{t('attachments')}</h2>
        {files.length === 0 ? (
          <p className="mt-2">{t('attachmentsNone')}</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {files.map((file) => (
              <li key={file.id}>
                <a href={paths.staffFile(file.id)}>{file.fileName}</a> (
                {questions(`${file.questionId}.short` as KeyIn<'apply.questions'>)},{' '}
                {t('size', {
                  size: formatNumber(Math.max(0.1, Math.round(file.size / 100_000) / 10), locale),
                })}
                )
              </li>
            ))}
          </ul>
        )}

        <h2 className="mt-8 text-2xl">{t('originals')}</h2>
        {submission.originalsReceivedAt ? (
          <p className="mt-2">
            {t('originalsReceivedAt', { time: formatDateTime(submission.originalsReceivedAt, locale) })}
          </p>
        ) : (
          <ActionForm locale={locale} action={markOriginalsReceivedAction} className="no-print mt-2">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="reference" value={submission.reference} />
            <p>{t('originalsHint')}</p>
            <SubmitButton className="mt-2">{t('markOriginals')}</SubmitButton>
          </ActionForm>
        )}
        <h2 id="history" className="no-print mt-8 text-2xl">
          {t('history')}
        </h2>
        <div className="no-print">
          <AuditTable locale={locale} rows={history} labelledBy="history" showReference={false} />
        </div>
        <p className="no-print mt-8 text-slate-700">{t('printHint')}</p>
        {back}
      </article>
    </PageShell>
  );
}
