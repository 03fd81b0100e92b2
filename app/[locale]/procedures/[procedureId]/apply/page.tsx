import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { findProcedure, procedures } from '@/catalogue';
import { PageShell } from '@/components/layout/PageShell';
import { locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';

// Applications are the next issue; until then this page says so honestly rather than pretending.
export function generateStaticParams() {
  return locales.flatMap((locale) => procedures.map((p) => ({ locale, procedureId: p.id })));
}
export const dynamicParams = false;

type Props = PageProps<'/[locale]/procedures/[procedureId]/apply'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'comingSoon').text('title') };
}

export default async function ApplyComingSoonPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { procedureId } = await params;
  const procedure = findProcedure(procedureId);
  if (!procedure) notFound();
  setRequestLocale(locale);
  const t = getT(locale, 'comingSoon');
  const texts = getT(locale, 'catalogue.procedures');
  const guide = localePath(locale, paths.procedure(procedure.id));

  return (
    <PageShell
      locale={locale}
      path={paths.apply(procedure.id)}
      crumbs={[{ href: guide, label: texts(`${procedure.id}.title`) }]}
      messageKeys={['comingSoon', `catalogue.procedures.${procedure.id}`]}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-3 text-lg">{t('body', { procedure: texts.text(`${procedure.id}.title`) })}</p>
      <p className="mt-3">{t('whatNow')}</p>
      <p className="mt-6">
        <a href={guide} className="text-lg font-bold">
          {t('back')}
        </a>
      </p>
    </PageShell>
  );
}
