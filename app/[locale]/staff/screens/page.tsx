import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { province } from '@/catalogue/province';
import { recordings } from '@/catalogue/media';
import { PageShell } from '@/components/layout/PageShell';
import { DataTable } from '@/components/staff/DataTable';
import { listScreens } from '@/db/queries/screens';
import { database } from '@/db/prepare';
import { formatDateTime, formatNumber } from '@/i18n/format';
import { localeInfo } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { guideTitle } from '@/lib/guideTitle';
import { localePath, paths } from '@/lib/paths';
import { allows } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { parsePlaying } from '@/lib/screens';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/screens'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'staff.screens').text('title'), robots: staffRobots };
}

/**
 * The office screens (issue 15): when each last said it was alive and what it was playing then, read
 * from the database as each screen reports it (app/api/screens/[screenId]/seen). For the operations team
 * and the content editors.
 */
export default async function ScreensPage({ params }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  if (!allows(staff.grants, 'ops:view') && !allows(staff.grants, 'content:edit')) {
    redirect(localePath(locale, paths.staffForbidden()));
  }
  const screens = await listScreens(await database());
  const t = getT(locale, 'staff.screens');
  const communeName = (id: string) => province.communes.find((c) => c.id === id)?.name ?? id;
  const playingTitle = (value: string | null) => {
    const playing = parsePlaying(value);
    const recording = playing && recordings.find((r) => r.id === playing.recording);
    if (!playing || !recording) return null;
    const title = guideTitle(locale, recording.guide);
    return (
      <>
        {title} · <span lang={playing.language}>{localeInfo[playing.language].autonym}</span>
      </>
    );
  };
  return (
    <PageShell
      locale={locale}
      path={paths.staffScreens()}
      crumbs={[]}
      messageKeys={['staff.screens', 'catalogue.procedures', 'catalogue.lifeEvents']}
    >
      <h1 id="screens" className="text-3xl">
        {t('title')}
      </h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>
      <DataTable
        labelledBy="screens"
        columns={[t('columns.screen'), t('columns.lastSeen'), t('columns.playing'), t('columns.items')]}
      >
        {screens.map((screen) => (
          <tr key={screen.id} className="border-b border-slate-300 align-top" data-screen={screen.id}>
            <th scope="row" className="py-2 pr-3 font-normal">
              <span className="font-bold">{screen.name}</span>
              <span className="block text-sm">
                {communeName(screen.communeId)} · <span className="font-mono">{screen.id}</span>
              </span>
            </th>
            <td className="py-2 pr-3" data-last-seen={screen.lastSeenAt?.toISOString() ?? ''}>
              {screen.lastSeenAt ? formatDateTime(screen.lastSeenAt, locale) : t('never')}
            </td>
            <td className="py-2 pr-3" data-playing={screen.lastPlaying ?? ''}>
              {playingTitle(screen.lastPlaying) ?? t('nothing')}
            </td>
            <td className="py-2 pr-3">{formatNumber(screen.items.length, locale)}</td>
          </tr>
        ))}
      </DataTable>
    </PageShell>
  );
}
