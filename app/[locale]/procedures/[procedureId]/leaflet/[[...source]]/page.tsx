import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { findProcedure, procedures } from '@/catalogue';
import { SOURCE_PATTERN } from '@/catalogue/shortLinks';
import { LeafletPage } from '@/components/leaflet/LeafletPage';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';

// Prerendered without a source; a leaflet for a named place is rendered on first request, then cached
// (the layout's `dynamicParams = false` would otherwise answer 404 for every place).
export const dynamicParams = true;
export function generateStaticParams() {
  return locales.flatMap((locale) => procedures.map((p) => ({ locale, procedureId: p.id, source: [] })));
}

type Props = PageProps<'/[locale]/procedures/[procedureId]/leaflet/[[...source]]'>;

async function resolve(params: Props['params']) {
  const { procedureId, source } = await params;
  const procedure = findProcedure(procedureId);
  const [place, ...rest] = source ?? [];
  if (!procedure || rest.length > 0 || (place !== undefined && !SOURCE_PATTERN.test(place))) return null;
  return { procedure, source: place };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const found = await resolve(params);
  if (!found) return {};
  const title = getT(locale, 'catalogue.procedures').text(`${found.procedure.id}.title`);
  return { title: getT(locale, 'leaflet').text('pageTitle', { title }) };
}

export default async function ProcedureLeafletPage({ params }: Props) {
  const locale = await localeFrom(params);
  const found = await resolve(params);
  if (!found) notFound();
  setRequestLocale(locale);
  return (
    <LeafletPage
      guide={{ kind: 'procedure', id: found.procedure.id }}
      locale={locale}
      source={found.source}
      guideTitle={getT(locale, 'catalogue.procedures').text(`${found.procedure.id}.title`)}
      messageKeys={['catalogue.procedures', 'catalogue.documents']}
    />
  );
}
