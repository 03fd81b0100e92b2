import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { HelperApp } from '@/components/helper/HelperApp';
import { PageShell } from '@/components/layout/PageShell';
import { journeys } from '@/catalogue/forms/journeys';
import { province } from '@/catalogue/province';
import { localeInfo, locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { journeyVersion } from '@/lib/application/journeys';
import { helperMessages } from '@/lib/helperApp/messages';
import { paths } from '@/lib/paths';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

type Props = PageProps<'/[locale]/helper'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'helperApp.ui').text('title'), robots: { index: false, follow: false } };
}

/**
 * The helper app (docs/adr/0029): prerendered in every language and precached by its service worker, so
 * it opens in a village hall with no signal. Nothing personal is in the page: the questions, their
 * words and rules; what helpers capture stays in the browser until it is synced by the device.
 */
export default async function HelperPage({ params }: Props) {
  const locale = await localeFrom(params);
  setRequestLocale(locale);
  const t = getT(locale, 'helperApp.ui');
  return (
    <PageShell
      locale={locale}
      path={paths.helperApp()}
      crumbs={[]}
      messageKeys={['helperApp', 'apply.questions']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>
      <noscript>
        <p className="mt-4 border-l-4 border-red-700 bg-red-50 p-3 font-bold">{t('noScript')}</p>
      </noscript>
      <HelperApp
        locale={locale}
        messages={helperMessages(locale)}
        journeys={journeys.map((j) => ({ id: j.id, version: journeyVersion(j) }))}
        communes={province.communes.map((c) => ({ id: c.id, name: c.name }))}
        languages={locales.map((code) => ({ code, autonym: localeInfo[code].autonym }))}
      />
    </PageShell>
  );
}
