import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ArrowRight, Banknote, Clock, FileText, Laptop, MapPin, Scale, Users } from 'lucide';
import { Icon } from '@/components/ui/Icon';
import type { ReactNode } from 'react';
import { bundlesContaining, findProcedure, lifeEventsFor, procedures } from '@/catalogue';
import { recordingsForPage, recordingsToHearFirst } from '@/catalogue/media';
import { canApplyOnline, onlineClaim } from '@/catalogue/online';
import { durationText, feeText } from '@/components/guide/factText';
import { PageShell } from '@/components/layout/PageShell';
import { GuideMedia } from '@/components/media/GuideMedia';
import { ListenFirst } from '@/components/media/ListenFirst';
import { SampleLabel } from '@/components/ui/SampleLabel';
import { formatDay } from '@/i18n/format';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT, type KeyIn } from '@/i18n/translate';
import { factFields, lastChecked } from '@/lib/content/facts';
import { liveProcedure } from '@/lib/content/live';
import { localePath, paths } from '@/lib/paths';

export function generateStaticParams() {
  return locales.flatMap((locale) => procedures.map((p) => ({ locale, procedureId: p.id })));
}
export const dynamicParams = false;

type Props = PageProps<'/[locale]/procedures/[procedureId]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const procedure = findProcedure((await params).procedureId);
  if (!procedure) return {};
  return { title: getT(locale, 'catalogue.procedures').text(`${procedure.id}.title`) };
}

function Section({ icon, title, children }: { icon: ReactNode; title: ReactNode; children: ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="flex items-center gap-2 text-xl">
        {icon}
        {title}
      </h2>
      <div className="mt-1">{children}</div>
    </section>
  );
}

const iconClass = 'size-6 shrink-0 text-brand';

export default async function ProcedurePage({ params }: Props) {
  const locale = await localeFrom(params);
  const { procedureId } = await params;
  // The catalogue's facts with what the province published in their place (ADR 0030).
  const procedure = await liveProcedure(procedureId);
  if (!procedure) notFound();
  setRequestLocale(locale);

  const t = getT(locale, 'procedure');
  const claim = onlineClaim(procedure);
  const texts = getT(locale, 'catalogue.procedures');
  const documents = getT(locale, 'catalogue.documents');
  const eventTexts = getT(locale, 'catalogue.lifeEvents');
  const events = lifeEventsFor(procedure.id);
  const bundles = bundlesContaining(procedure.id);
  const parentEvent = events[0] ?? lifeEventsFor(bundles[0]?.id ?? procedure.id)[0];
  const media = recordingsForPage({ kind: 'procedure', id: procedure.id }, locale);
  const listenFirst = recordingsToHearFirst(media, locale);
  const checked = lastChecked(procedure);
  const anySample = factFields.some((field) => procedure[field]?.status === 'sample');

  return (
    <PageShell
      locale={locale}
      path={paths.procedure(procedure.id)}
      crumbs={
        parentEvent
          ? [
              {
                href: localePath(locale, paths.lifeEvent(parentEvent.id)),
                label: eventTexts(`${parentEvent.id}.title`),
              },
            ]
          : []
      }
      messageKeys={[
        'procedure',
        'catalogue.procedures',
        'catalogue.documents',
        'catalogue.lifeEvents',
        'leaflet.guideLink',
        ...(media.length > 0 ? ['media'] : []),
      ]}
    >
      <h1 className="text-3xl">{texts(`${procedure.id}.title`)}</h1>
      {listenFirst.length > 0 && (
        <ListenFirst
          recordings={listenFirst}
          locale={locale}
          pictograms={[
            { icon: FileText, label: t('need') },
            { icon: MapPin, label: t('where') },
            { icon: Banknote, label: t('cost') },
            { icon: Clock, label: t('time') },
          ]}
        />
      )}
      <p className="mt-2 text-lg">{texts(`${procedure.id}.summary`)}</p>

      <GuideMedia
        recordings={media.filter((r) => !listenFirst.includes(r))}
        locale={locale}
        headingId="guide-media"
        heading={getT(locale, 'media')('heading')}
      />

      <Section icon={<Icon node={Users} className={iconClass} />} title={t('who')}>
        <p>{texts(`${procedure.id}.who`)}</p>
      </Section>

      {'parts' in procedure && (
        <Section icon={<Icon node={FileText} className={iconClass} />} title={t('partsHeading')}>
          <ul className="list-disc pl-6">
            {procedure.parts.map((part) => (
              <li key={part}>
                <a href={localePath(locale, paths.procedure(part))}>{texts(`${part}.title`)}</a>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section icon={<Icon node={FileText} className={iconClass} />} title={t('need')}>
        <ul className="list-disc pl-6">
          {procedure.documents.value.map((doc) => (
            <li key={doc}>{documents(doc as KeyIn<'catalogue.documents'>)}</li>
          ))}
        </ul>
        <SampleLabel fact={procedure.documents} locale={locale} />
      </Section>

      <Section icon={<Icon node={Banknote} className={iconClass} />} title={t('cost')}>
        <p>
          <span className="text-lg font-bold">{feeText(procedure.fee.value, locale, t)}</span>
          <SampleLabel fact={procedure.fee} locale={locale} />
        </p>
      </Section>

      <Section icon={<Icon node={Clock} className={iconClass} />} title={t('time')}>
        <p>
          <span className="text-lg font-bold">{durationText(procedure.processingTime.value, t)}</span>
          <SampleLabel fact={procedure.processingTime} locale={locale} />
        </p>
      </Section>

      <Section icon={<Icon node={MapPin} className={iconClass} />} title={t('where')}>
        <p>{t(`office.${procedure.office}`)}</p>
      </Section>

      <Section icon={<Icon node={Laptop} className={iconClass} />} title={t('how')}>
        <p>
          {t(`online.${claim}`)}
          {claim !== 'not-yet' && <SampleLabel fact={procedure.online} locale={locale} />}
        </p>
      </Section>

      {/* The button only where a journey exists, from the same fact as the words above. */}
      {canApplyOnline(procedure) && (
        <div className="mt-8 rounded-lg border-2 border-slate-300 p-4">
          <a
            href={localePath(locale, paths.apply(procedure.id))}
            className="inline-flex min-h-12 items-center gap-2 rounded bg-green-800 px-5 text-lg font-bold text-white no-underline hover:bg-green-900"
          >
            {t('apply')}
            <Icon node={ArrowRight} className="size-5" />
          </a>
          <p className="mt-2 text-slate-800">{t('applyHint')}</p>
        </div>
      )}

      {bundles.map((bundle) => (
        <p key={bundle.id} className="mt-6">
          {t('partOfBundle')}{' '}
          <a href={localePath(locale, paths.procedure(bundle.id))}>{texts(`${bundle.id}.title`)}</a>
        </p>
      ))}

      {events.length > 0 && (
        <Section icon={null} title={t('lifeEventsHeading')}>
          <ul className="list-disc pl-6">
            {events.map((event) => (
              <li key={event.id}>
                <a href={localePath(locale, paths.lifeEvent(event.id))}>{eventTexts(`${event.id}.title`)}</a>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section icon={<Icon node={Scale} className={iconClass} />} title={t('legalBasis')}>
        <ul className="list-disc pl-6">
          {procedure.legalBasis.value.map((law) => (
            <li key={law} lang="vi">
              {law}
            </li>
          ))}
        </ul>
        <SampleLabel fact={procedure.legalBasis} locale={locale} />
        {procedure.nationalCode && (
          <p className="mt-2">
            {t('nationalCode', { code: procedure.nationalCode.value })}
            <SampleLabel fact={procedure.nationalCode} locale={locale} />
          </p>
        )}
      </Section>

      <p className="mt-6">
        <a href={localePath(locale, paths.leaflet({ kind: 'procedure', id: procedure.id }))}>
          {getT(locale, 'leaflet')('guideLink')}
        </a>
      </p>

      {checked && (
        <p className="mt-8 border-l-4 border-green-800 pl-3 text-sm" data-facts-checked={checked}>
          {t('factsChecked', { date: formatDay(checked, locale) })}
        </p>
      )}
      {anySample && <p className="mt-8 border-l-4 border-sample pl-3 text-sm">{t('sampleExplain')}</p>}
    </PageShell>
  );
}
