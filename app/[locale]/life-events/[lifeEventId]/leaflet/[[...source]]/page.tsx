import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { findLifeEvent, lifeEvents } from '@/catalogue';
import { SOURCE_PATTERN } from '@/catalogue/shortLinks';
import { LeafletPage } from '@/components/leaflet/LeafletPage';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';

// Prerendered without a source; a leaflet for a named place is rendered on first request, then cached
// (the layout's `dynamicParams = false` would otherwise answer 404 for every place).
export const dynamicParams = true;
export function generateStaticParams() {
  return locales.flatMap((locale) => lifeEvents.map((e) => ({ locale, lifeEventId: e.id, source: [] })));
}

type Props = PageProps<'/[locale]/life-events/[lifeEventId]/leaflet/[[...source]]'>;

async function resolve(params: Props['params']) {
  const { lifeEventId, source } = await params;
  const event = findLifeEvent(lifeEventId);
  const [place, ...rest] = source ?? [];
  if (!event || rest.length > 0 || (place !== undefined && !SOURCE_PATTERN.test(place))) return null;
  return { event, source: place };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const found = await resolve(params);
  if (!found) return {};
  const title = getT(locale, 'catalogue.lifeEvents').text(`${found.event.id}.title`);
  return { title: getT(locale, 'leaflet').text('pageTitle', { title }) };
}

export default async function LifeEventLeafletPage({ params }: Props) {
  const locale = await localeFrom(params);
  const found = await resolve(params);
  if (!found) notFound();
  setRequestLocale(locale);
  return (
    <LeafletPage
      guide={{ kind: 'life-event', id: found.event.id }}
      locale={locale}
      source={found.source}
      guideTitle={getT(locale, 'catalogue.lifeEvents').text(`${found.event.id}.title`)}
      messageKeys={[`catalogue.lifeEvents.${found.event.id}`, 'catalogue.procedures']}
    />
  );
}
