import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { safeReturnPath } from '@/lib/routes';

type Props = PageProps<'/[locale]/form-expired'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'errorPage').text('staleTitle') };
}

/**
 * Where the proxy sends a form posted from a page an earlier deploy rendered, when the action it names
 * no longer exists (lib/serverActions.ts). Nothing was saved from that post; the draft is intact.
 */
export default async function FormExpiredPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const back = safeReturnPath(locale, (await searchParams).from) ?? localePath(locale);
  const t = getT(locale, 'errorPage');
  return (
    <PageShell locale={locale} path={paths.formExpired()} crumbs={[]} messageKeys={['errorPage']}>
      <h1 className="text-3xl">{t('staleTitle')}</h1>
      <p className="mt-3 text-lg">{t('staleBody')}</p>
      <p className="mt-6">
        <a
          href={back}
          className="inline-flex min-h-12 items-center rounded bg-brand px-5 text-lg font-bold text-white no-underline hover:bg-brand-dark"
        >
          {t('staleContinue')}
        </a>
      </p>
    </PageShell>
  );
}
