import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/forbidden'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'staff.forbidden').text('title'), robots: staffRobots };
}

/** Where requireStaff sends a signed-in staff member whose roles do not give the permission asked. */
export default async function StaffForbiddenPage({ params }: Props) {
  const locale = await localeFrom(params);
  const t = getT(locale, 'staff.forbidden');
  return (
    <PageShell locale={locale} path={paths.staffForbidden()} crumbs={[]} messageKeys={['staff.forbidden']}>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('body')}</p>
      <p className="mt-4">
        <a href={localePath(locale, paths.staffAccount())}>{t('back')}</a>
      </p>
    </PageShell>
  );
}
