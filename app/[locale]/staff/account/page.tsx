import { ActionForm } from '@/components/forms/ActionForm';
import type { Metadata } from 'next';
import { listCommunes } from '@/db/queries/communes';
import { awaitingReviewCount } from '@/db/queries/content';
import { findDevice } from '@/db/queries/devices';
import { PageShell } from '@/components/layout/PageShell';
import { localeInfo, isLocale, locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { filingCommunes } from '@/lib/assist';
import { localePath, paths } from '@/lib/paths';
import { allows, communesWhere, languagesWhere } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';
import { signOutEverywhere, signOutStaff } from './actions';

type Props = PageProps<'/[locale]/staff/account'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'staff.account').text('title'), robots: staffRobots };
}

/** Who is signed in, with which roles where; sign out here or everywhere. */
export default async function StaffAccountPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const db = await database();
  const communes = new Map((await listCommunes(db)).map((c) => [c.id, c.name]));
  const device = staff.deviceId ? await findDevice(db, staff.deviceId) : null;
  const t = getT(locale, 'staff.account');
  const roleNames = getT(locale, 'staff.roles');
  const enrolled = (await searchParams).enrolled === '1';
  return (
    <PageShell
      locale={locale}
      path={paths.staffAccount()}
      crumbs={[]}
      messageKeys={['staff.account', 'staff.roles']}
    >
      {enrolled && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('enrolled')}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <dl className="mt-4">
        <dt className="font-bold">{t('username')}</dt>
        <dd className="font-mono">{staff.user.username}</dd>
        <dt className="mt-3 font-bold">{t('roles')}</dt>
        {staff.grants.map((grant) => (
          <dd key={`${grant.role}/${grant.communeId}/${grant.language}`}>
            {roleNames(grant.role)}
            {': '}
            {grant.communeId ? communes.get(grant.communeId) : t('province')}
            {grant.language && isLocale(grant.language) && (
              <>
                {', '}
                <span lang={grant.language}>{localeInfo[grant.language].autonym}</span>
              </>
            )}
          </dd>
        ))}
      </dl>
      {device && <p className="mt-4">{t('deviceNote', { label: device.label })}</p>}
      {filingCommunes(staff.grants, communeIds).length > 0 && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffAssist())} className="font-bold">
            {t('assist')}
          </a>
        </p>
      )}
      {communesWhere(staff.grants, 'dossiers:process', communeIds).length > 0 && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffDesk())} className="font-bold">
            {t('desk')}
          </a>
        </p>
      )}
      {communesWhere(staff.grants, 'team:manage', communeIds).length > 0 && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffTeam())} className="font-bold">
            {t('team')}
          </a>
        </p>
      )}
      {(allows(staff.grants, 'content:edit') || allows(staff.grants, 'content:review')) && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffContent())} className="font-bold">
            {t('content')}
          </a>
        </p>
      )}
      {(allows(staff.grants, 'ops:view') || allows(staff.grants, 'content:edit')) && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffScreens())} className="font-bold">
            {t('screens')}
          </a>
        </p>
      )}
      {allows(staff.grants, 'content:edit') && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffLeaflets())} className="font-bold">
            {t('leaflets')}
          </a>
        </p>
      )}
      {languagesWhere(staff.grants, 'content:translate', locales).length > 0 && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffTranslations())} className="font-bold">
            {t('translations')}
          </a>
        </p>
      )}
      {allows(staff.grants, 'content:review') && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffReview())} className="font-bold">
            {getT(locale, 'staff.content')('reviewLink', { count: await awaitingReviewCount(db) })}
          </a>
        </p>
      )}
      {allows(staff.grants, 'audit:view') && (
        <p className="mt-6">
          <a href={localePath(locale, paths.staffAudit())} className="font-bold">
            {t('audit')}
          </a>
        </p>
      )}
      {allows(staff.grants, 'ops:view') && (
        <p className="mt-6">
          <a href={localePath(locale, paths.ops())} className="font-bold">
            {t('ops')}
          </a>
        </p>
      )}
      <ActionForm locale={locale} action={signOutStaff} className="mt-8">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="min-h-12 rounded border-2 border-slate-900 px-5 text-lg font-bold">
          {t('signOut')}
        </button>
      </ActionForm>
      <ActionForm locale={locale} action={signOutEverywhere} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <p id="everywhere-hint">{t('signOutEverywhereHint')}</p>
        <button
          type="submit"
          aria-describedby="everywhere-hint"
          className="mt-2 min-h-12 rounded bg-red-800 px-5 text-lg font-bold text-white hover:bg-red-900"
        >
          {t('signOutEverywhere')}
        </button>
      </ActionForm>
    </PageShell>
  );
}
