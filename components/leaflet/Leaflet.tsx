import { Banknote, Clock, FileText, Laptop, MapPin } from 'lucide';
import type { ReactNode } from 'react';
import { findLifeEvent, type CatalogueProcedure, type GuideRef } from '@/catalogue';
import { liveProcedure } from '@/lib/content/live';
import { shortPath } from '@/catalogue/shortLinks';
import { durationText, feeText } from '@/components/guide/factText';
import { Icon } from '@/components/ui/Icon';
import { Pictogram } from '@/components/ui/Pictogram';
import { SampleLabel } from '@/components/ui/SampleLabel';
import type { Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { printOrigin, qrSvg } from '@/lib/qr';
import { onlineClaim } from '@/catalogue/online';

/**
 * A guide as a printed sheet: big type, pictures, the steps, what to bring, where to go, and a QR code to
 * the same guide in the same language. One page at A4 or A5 (the print stylesheet reads the paper width:
 * `leaflet-a5:` in app/globals.css); the short link is printed under the code for phones without a
 * camera app that reads QR codes.
 */
export async function Leaflet({
  guide,
  locale,
  source,
}: {
  guide: GuideRef;
  locale: Locale;
  source?: string;
}) {
  const words = getT(locale, 'leaflet');
  const link = `${printOrigin()}${shortPath(guide, locale, source)}`;
  const svg = await qrSvg(link);
  const url = new URL(link);
  const printed = { host: url.host, path: url.pathname };
  const body =
    guide.kind === 'procedure'
      ? procedureBody(await liveProcedure(guide.id), locale)
      : lifeEventBody(guide.id, locale);
  if (!body) return null;

  return (
    // overflow-wrap:anywhere: with text at 200 % on a 320 px screen, long words must wrap inside the
    // flex rows (WCAG 1.4.10); break-word alone does not lower a flex item's minimum width.
    <article className="leaflet mx-auto [overflow-wrap:anywhere] max-w-[190mm] bg-white text-lg leading-snug print:max-w-none print:text-[13pt] leaflet-a5:text-[11pt]">
      <header className="flex items-center gap-4 border-b-4 border-brand pb-3">
        {body.pictogram}
        <div className="min-w-0">
          <p className="text-base font-bold text-brand">{getT(locale, 'layout')('portalName')}</p>
          <h1 className="text-4xl leading-tight print:text-[26pt] leaflet-a5:text-[20pt]">{body.title}</h1>
        </div>
      </header>
      <p className="mt-2 text-xl print:text-[15pt] leaflet-a5:text-[12pt]">{body.summary}</p>

      <div className="mt-4 grid grid-cols-1 gap-6 leaflet-a5:mt-2 sm:grid-cols-[1fr_auto] print:grid-cols-[1fr_auto] leaflet-a5:grid-cols-1 leaflet-a5:gap-3">
        <ol className="space-y-4 leaflet-a5:space-y-2">
          {body.steps.map((step, index) => (
            <li key={index} className="flex gap-3">
              <span
                aria-hidden="true"
                className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand text-xl font-bold text-white print:[print-color-adjust:exact] leaflet-a5:size-8"
              >
                {index + 1}
              </span>
              <div className="min-w-0">
                <h2 className="flex items-center gap-2 text-2xl print:text-[16pt] leaflet-a5:text-[13pt]">
                  {step.icon && <Icon node={step.icon} className="size-7 shrink-0 leaflet-a5:size-5" />}
                  <span className="min-w-0">
                    <span className="sr-only">{words('stepNumber', { number: index + 1 })} </span>
                    {step.title}
                  </span>
                </h2>
                <div className="mt-1">{step.content}</div>
              </div>
            </li>
          ))}
        </ol>

        <figure className="flex flex-col items-center self-start rounded-lg border-2 border-slate-900 p-3 text-center sm:w-56 print:w-[60mm] leaflet-a5:w-full leaflet-a5:flex-row leaflet-a5:gap-3 leaflet-a5:p-2 leaflet-a5:text-left">
          <div
            className="w-full max-w-56 leaflet-a5:w-[40mm] leaflet-a5:shrink-0 [&>svg]:h-auto [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: namedSvg(svg, words.text('qrLabel', { link })) }}
          />
          <figcaption className="mt-2 text-base leading-snug print:text-[11pt] leaflet-a5:mt-0 leaflet-a5:text-[10pt]">
            {words('scan')}
            {/* On paper, break only between the host and the path, so the code itself is never split. */}
            <span className="mt-1 block font-mono text-lg font-bold print:text-[12pt] leaflet-a5:text-[10pt]">
              {printed.host}
              <wbr />
              <span className="print:whitespace-nowrap">{printed.path}</span>
            </span>
          </figcaption>
        </figure>
      </div>

      <footer className="mt-4 leaflet-a5:mt-2 border-t-2 border-slate-300 pt-2 text-sm print:text-[9pt]">
        <p>{words('sampleNote')}</p>
        {source && <p>{words('printedFor', { source })}</p>}
      </footer>
    </article>
  );
}

interface LeafletStep {
  readonly icon?: Parameters<typeof Icon>[0]['node'];
  readonly title: ReactNode;
  readonly content: ReactNode;
}

/** A procedure's leaflet, with the facts the province published (docs/adr/0030), as its guide shows them. */
function procedureBody(procedure: CatalogueProcedure | undefined, locale: Locale) {
  if (!procedure) return null;
  const t = getT(locale, 'procedure');
  const leaflet = getT(locale, 'leaflet');
  const texts = getT(locale, 'catalogue.procedures');
  const documents = getT(locale, 'catalogue.documents');
  const steps: LeafletStep[] = [
    {
      icon: FileText,
      title: t('need'),
      content: (
        <>
          <ul className="list-disc pl-5">
            {procedure.documents.value.map((doc) => (
              <li key={doc}>{documents(doc as KeyIn<'catalogue.documents'>)}</li>
            ))}
          </ul>
          <SampleLabel fact={procedure.documents} locale={locale} />
        </>
      ),
    },
    {
      icon: MapPin,
      title: t('where'),
      content: (
        <>
          <p>{t(`office.${procedure.office}`)}</p>
          <p className="mt-1 flex items-start gap-2">
            <Icon node={Laptop} className="mt-1 size-5 shrink-0" />
            <span className="min-w-0">
              {t(`online.${onlineClaim(procedure)}`)}
              {onlineClaim(procedure) !== 'not-yet' && (
                <SampleLabel fact={procedure.online} locale={locale} />
              )}
            </span>
          </p>
        </>
      ),
    },
    {
      icon: Clock,
      title: leaflet('receive'),
      content: (
        <>
          <p className="flex items-start gap-2">
            <Icon node={Clock} className="mt-1 size-5 shrink-0" />
            <span className="min-w-0">
              {t('time')}: <strong>{durationText(procedure.processingTime.value, t)}</strong>
              <SampleLabel fact={procedure.processingTime} locale={locale} />
            </span>
          </p>
          <p className="flex items-start gap-2">
            <Icon node={Banknote} className="mt-1 size-5 shrink-0" />
            <span className="min-w-0">
              {t('cost')}: <strong>{feeText(procedure.fee.value, locale, t)}</strong>
              <SampleLabel fact={procedure.fee} locale={locale} />
            </span>
          </p>
        </>
      ),
    },
  ];
  return {
    title: texts(`${procedure.id}.title`),
    summary: texts(`${procedure.id}.summary`),
    pictogram: (
      <Icon node={FileText} className="size-16 shrink-0 text-brand leaflet-a5:size-12" strokeWidth={1.75} />
    ),
    steps,
  };
}

function lifeEventBody(id: string, locale: Locale) {
  const event = findLifeEvent(id);
  if (!event) return null;
  const texts = getT(locale, 'catalogue.lifeEvents');
  const procedureTexts = getT(locale, 'catalogue.procedures');
  const eventWords = getT(locale, 'lifeEvent');
  const steps: LeafletStep[] = event.steps.map((step) => {
    // Step ids vary per life event; catalogue.test.ts proves every such key exists in vi.json.
    const key = (field: 'title' | 'body') =>
      `${event.id}.steps.${step.id}.${field}` as KeyIn<'catalogue.lifeEvents'>;
    return {
      title: texts(key('title')),
      content: (
        <>
          <p>{texts(key('body'))}</p>
          <p className="mt-1 font-bold">
            {step.procedures.map((procedureId, i) => (
              <span key={procedureId}>
                {i > 0 && (step.connector === 'or' ? ` ${eventWords.text('or')} ` : ', ')}
                {procedureTexts(`${procedureId}.title`)}
              </span>
            ))}
          </p>
        </>
      ),
    };
  });
  return {
    title: texts(`${event.id}.title`),
    summary: texts(`${event.id}.summary`),
    pictogram: (
      <Pictogram name={event.pictogram} className="size-16 shrink-0 text-brand leaflet-a5:size-12" />
    ),
    steps,
  };
}

/**
 * The QR code's own `<svg>` carries its name (role="img", aria-label and a <title>), so whatever reads the
 * drawing, a screen reader or an audit of SVGs, is told what it opens rather than meeting a nameless image.
 */
export function namedSvg(svg: string, name: string): string {
  const escaped = name
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${escaped}"><title>${escaped}</title>`);
}
