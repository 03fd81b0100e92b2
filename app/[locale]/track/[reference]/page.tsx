import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { findProcedure, lifeEventsFor, province, type ProcedureId } from '@/catalogue';
import { findJourney } from '@/catalogue/forms/journeys';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundView } from '@/components/NotFoundView';
import { TrackForm } from '@/components/TrackForm';
import { progressOf, type DossierProgress } from '@/db/queries/tracking';
import { formatDateTime } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { loadSubmission } from '@/lib/application/submissions';
import { formatCode, parseCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { mayView } from '@/lib/tracking';

type Props = PageProps<'/[locale]/track/[reference]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const reference = parseCode((await params).reference) ?? '';
  return {
    title: getT(locale, 'apply.track').text('title', { reference: formatCode(reference) }),
    robots: { index: false },
  };
}

/**
 * What the receipt's QR code opens: every dossier of the application — for a bundle, the whole life
 * event — from "received by the portal" through "sent to the province" to the province's own statuses,
 * in plain words with dates. Without the receipt's key (or the applicant's own session) it asks for the
 * second factor first, and says nothing about whether the reference exists.
 */
export default async function TrackPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const reference = parseCode((await params).reference);
  if (!reference) return <NotFoundView locale={locale} />;
  const { k } = await searchParams;
  const key = typeof k === 'string' ? k : undefined;
  const found = await loadSubmission(reference);
  const t = getT(locale, 'apply.track');
  if (!found || !(await mayView(found.submission, key))) {
    // An unknown reference gets the same form as a known one: the page must not confirm it exists.
    return (
      <PageShell
        locale={locale}
        path={paths.track(reference)}
        crumbs={[]}
        messageKeys={['apply.track', 'apply.errors']}
      >
        <h1 className="text-3xl">{t('title', { reference: formatCode(reference) })}</h1>
        <p className="mt-3 text-lg">{t('findIntro')}</p>
        <TrackForm locale={locale} reference={formatCode(reference)} error={null} />
      </PageShell>
    );
  }
  const { submission } = found;
  const progress = await progressOf(await database(), submission.id);
  const procedures = getT(locale, 'catalogue.procedures');
  const events = getT(locale, 'catalogue.lifeEvents');
  const journey = findJourney(submission.journeyId);
  const bundle = journey && journey.procedures.length > 1 ? findProcedure(journey.id) : undefined;
  const lifeEvent = bundle ? lifeEventsFor(bundle.id as ProcedureId)[0] : undefined;
  const title = (id: string) => procedures(`${id as 'register-birth'}.title`);

  return (
    <PageShell
      locale={locale}
      path={paths.track(submission.reference, key)}
      crumbs={[]}
      messageKeys={['apply.track', 'catalogue.procedures', 'catalogue.lifeEvents']}
    >
      <h1 className="text-3xl">{t('title', { reference: formatCode(submission.reference) })}</h1>
      {lifeEvent && (
        <p className="mt-2 text-lg">
          {t('lifeEvent', { title: events.text(`${lifeEvent.id as 'having-a-baby'}.title`) })}
        </p>
      )}
      {progress.length > 1 && (
        <section aria-labelledby="summary-title" className="mt-6">
          <h2 id="summary-title" className="text-2xl">
            {t('summaryTitle')}
          </h2>
          <ul className="mt-2 space-y-2">
            {progress.map((p) => (
              <li key={p.dossier.id} className="rounded border-2 border-slate-300 p-3">
                <a href={`#dossier-${p.dossier.procedureId}`} className="font-bold">
                  {title(p.dossier.procedureId)}
                </a>
                <br />
                <span data-current-status={currentStatus(p)}>{currentWords(p, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {progress.map((p) => (
        <section
          key={p.dossier.id}
          id={`dossier-${p.dossier.procedureId}`}
          aria-labelledby={`title-${p.dossier.procedureId}`}
          className="mt-8"
        >
          <h2 id={`title-${p.dossier.procedureId}`} className="text-2xl">
            {title(p.dossier.procedureId)}
          </h2>
          {p.dossier.provinceCode && p.delivery === 'delivered' && (
            <p className="mt-1 font-bold">{t('provinceCode', { code: p.dossier.provinceCode })}</p>
          )}
          <Timeline progress={p} submittedAt={submission.submittedAt} locale={locale} />
        </section>
      ))}
      <p className="mt-8">
        <a href={localePath(locale, paths.receipt(submission.reference, key))} className="text-lg font-bold">
          {t('receiptLink')}
        </a>
      </p>
    </PageShell>
  );
}

/** The step the dossier is at, for the summary and for tests: a portal stage or the province's status. */
function currentStatus(p: DossierProgress): string {
  if (p.delivery !== 'delivered') return p.delivery;
  return p.dossier.provinceStatus ?? 'sent';
}

function currentWords(p: DossierProgress, locale: Locale): ReactNode {
  const t = getT(locale, 'apply.track');
  const status = currentStatus(p);
  switch (status) {
    case 'waiting':
      return t('waiting');
    case 'retrying':
      return t('retrying');
    case 'dead':
      return t('dead', { helpline: province.helpline.value });
    case 'sent':
      return t('sent');
    default:
      return t(`status.${status}` as KeyIn<'apply.track'>);
  }
}

/** Every step so far, oldest first, the current one marked in words (not only by colour). */
function Timeline({
  progress,
  submittedAt,
  locale,
}: {
  progress: DossierProgress;
  submittedAt: Date;
  locale: Locale;
}) {
  const t = getT(locale, 'apply.track');
  const steps: { key: string; text: ReactNode; at?: Date; note?: string | null }[] = [
    { key: 'received', text: t('received'), at: submittedAt },
  ];
  if (progress.delivery === 'delivered') {
    steps.push({ key: 'sent', text: t('sent'), at: progress.dossier.sentAt ?? undefined });
    for (const event of progress.events) {
      steps.push({
        key: `${event.status}-${event.occurredAt.toISOString()}`,
        text: t(`status.${event.status}` as KeyIn<'apply.track'>),
        at: event.occurredAt,
        note: event.note,
      });
    }
  } else {
    steps.push({ key: progress.delivery, text: currentWords(progress, locale) });
  }
  return (
    <ol className="mt-3 space-y-3 border-l-4 border-brand pl-4">
      {steps.map((step, i) => {
        const current = i === steps.length - 1;
        return (
          <li
            key={step.key}
            aria-current={current ? 'step' : undefined}
            className={current ? 'font-bold' : ''}
          >
            {current && (
              <span className="mr-2 rounded bg-brand px-2 py-0.5 text-sm text-white">{t('current')}</span>
            )}
            {step.text}
            {step.at && (
              <>
                {' '}
                <time
                  dateTime={step.at.toISOString()}
                  className="whitespace-nowrap font-normal text-slate-700"
                >
                  ({formatDateTime(step.at, locale)})
                </time>
              </>
            )}
            {step.note && <p className="font-normal">{t('note', { note: step.note })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
