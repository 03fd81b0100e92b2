import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { TrackForm, trackErrorFrom } from '@/components/TrackForm';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { paths } from '@/lib/paths';

type Props = PageProps<'/[locale]/track'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'apply.track').text('findTitle');
  const error = trackErrorFrom((await searchParams).error);
  const count = error === 'both' ? 2 : error ? 1 : 0;
  return {
    title: count ? `${getT(locale, 'apply.errors').text('titlePrefix', { count })} ${title}` : title,
  };
}

/** Track an application by typing its reference and the second factor. */
export default async function TrackFindPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const query = await searchParams;
  const t = getT(locale, 'apply.track');
  const reference = typeof query.ref === 'string' ? query.ref.slice(0, 20) : '';
  return (
    <PageShell
      locale={locale}
      path={paths.trackFind()}
      crumbs={[]}
      messageKeys={['apply.track', 'apply.errors']}
    >
      <h1 className="text-3xl">{t('findTitle')}</h1>
      <p className="mt-3 text-lg">{t('findIntro')}</p>
      <TrackForm locale={locale} reference={reference} error={trackErrorFrom(query.error)} />
    </PageShell>
  );
}
