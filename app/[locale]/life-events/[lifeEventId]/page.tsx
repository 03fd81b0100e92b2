import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { Clock, ListOrdered } from 'lucide';
import { Icon } from '@/components/ui/Icon';
import { findLifeEvent, findProcedure, lifeEvents } from '@/catalogue';
import { recordingsForPage, recordingsToHearFirst } from '@/catalogue/media';
import { PageShell } from '@/components/layout/PageShell';
import { GuideMedia } from '@/components/media/GuideMedia';
import { ListenFirst } from '@/components/media/ListenFirst';
import { Pictogram } from '@/components/ui/Pictogram';
import { SampleLabel } from '@/components/ui/SampleLabel';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';

export function generateStaticParams() {
  return locales.flatMap((locale) => lifeEvents.map((e) => ({ locale, lifeEventId: e.id })));
}
export const dynamicParams = false;

type Props = PageProps<'/[locale]/life-events/[lifeEventId]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const event = findLifeEvent((await params).lifeEventId);
  if (!event) return {};
  return { title: getT(locale, 'catalogue.lifeEvents').text(`${event.id}.title`) };
}

export default async function LifeEventPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { lifeEventId } = await params;
  const event = findLifeEvent(lifeEventId);
  if (!event) notFound();
  setRequestLocale(locale);

  const t = getT(locale, 'lifeEvent');
  const texts = getT(locale, 'catalogue.lifeEvents');
  const procedureTexts = getT(locale, 'catalogue.procedures');
  const path = paths.lifeEvent(event.id);
  const media = recordingsForPage({ kind: 'life-event', id: event.id }, locale);
  const listenFirst = recordingsToHearFirst(media, locale);

  return (
    <PageShell
      locale={locale}
      path={path}
      crumbs={[]}
      messageKeys={[
        'lifeEvent',
        `catalogue.lifeEvents.${event.id}`,
        'catalogue.procedures',
        'procedure.sample',
        'leaflet.guideLink',
        ...(media.length > 0 ? ['media'] : []),
      ]}
    >
      <div className="flex items-center gap-4">
        <Pictogram name={event.pictogram} className="size-16 shrink-0 text-brand" />
        <h1 className="min-w-0 text-3xl">{texts(`${event.id}.title`)}</h1>
      </div>
      {listenFirst.length > 0 && (
        <ListenFirst
          recordings={listenFirst}
          locale={locale}
          pictograms={event.steps.map((step, index) => ({
            icon: ListOrdered,
            label: t('step', { number: index + 1 }),
          }))}
        />
      )}
      <p className="mt-3 text-lg">{texts(`${event.id}.summary`)}</p>

      <h2 className="mt-6 text-2xl">{t('stepsHeading')}</h2>
      <ol className="mt-3 space-y-6">
        {event.steps.map((step, index) => {
          const coveredBy = 'coveredBy' in step ? step.coveredBy : undefined;
          const deadline = 'deadline' in step ? step.deadline : undefined;
          // Step ids vary per life event; catalogue.test.ts proves every such key exists in vi.json.
          const stepKey = (field: 'title' | 'body') =>
            `${event.id}.steps.${step.id}.${field}` as KeyIn<'catalogue.lifeEvents'>;
          return (
            <li key={step.id} className="border-l-4 border-brand pl-4">
              <p className="text-sm font-bold uppercase tracking-wide text-brand-dark">
                {t('step', { number: index + 1 })}
              </p>
              <h3 className="text-xl">{texts(stepKey('title'))}</h3>
              <p className="mt-1">{texts(stepKey('body'))}</p>
              {deadline && (
                <p className="mt-2 flex items-start gap-2 font-bold">
                  <Icon node={Clock} className="mt-1 size-5 shrink-0" />
                  <span className="min-w-0">
                    {t('deadline', {
                      days: deadline.value.days,
                      from: t.text(`deadlineFrom.${deadline.value.from}`),
                    })}
                    <SampleLabel fact={deadline} locale={locale} />
                  </span>
                </p>
              )}
              {coveredBy && (
                <p className="mt-2 italic">
                  {t('coveredBy', { bundle: procedureTexts.text(`${coveredBy}.title`) })}
                </p>
              )}
              <ul className="mt-3 space-y-2">
                {step.procedures.map((procedureId, i) => {
                  const procedure = findProcedure(procedureId);
                  return (
                    <li key={procedureId}>
                      {i > 0 && step.connector === 'or' && (
                        <p className="my-1 font-bold uppercase text-slate-700">{t('or')}</p>
                      )}
                      <a
                        href={localePath(locale, paths.procedure(procedureId))}
                        className="inline-flex min-h-11 items-center py-1 text-lg font-bold"
                      >
                        {procedureTexts(`${procedureId}.title`)}
                      </a>
                      {procedure?.kind === 'bundle' && (
                        <span className="ml-2 inline-block rounded bg-slate-200 px-2 text-sm">
                          {t('bundleBadge')}
                        </span>
                      )}
                      <p className="text-slate-800">{procedureTexts(`${procedureId}.summary`)}</p>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      {/* After the steps: the steps are the page; the recording retells them. */}
      <GuideMedia
        recordings={media.filter((r) => !listenFirst.includes(r))}
        locale={locale}
        headingId="guide-media"
        heading={getT(locale, 'media')('heading')}
      />
      <p className="mt-8">
        <a href={localePath(locale, paths.leaflet({ kind: 'life-event', id: event.id }))}>
          {getT(locale, 'leaflet')('guideLink')}
        </a>
      </p>
    </PageShell>
  );
}
