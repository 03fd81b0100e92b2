import { symmetricDecrypt } from 'better-auth/crypto';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary, FieldError } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { namedSvg } from '@/components/leaflet/Leaflet';
import { PageShell } from '@/components/layout/PageShell';
import { CommuneChoice } from '@/components/staff/CommuneChoice';
import { DataTable } from '@/components/staff/DataTable';
import { StaffField } from '@/components/staff/StaffField';
import { communeName } from '@/catalogue/province';
import { deviceState, teamsOf } from '@/db/queries/devices';
import type { HelperDevice } from '@/db/schema';
import { formatDateTime } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { communeIds } from '@/lib/application/communes';
import { database } from '@/db/prepare';
import { localePath, paths } from '@/lib/paths';
import { publicOrigin, qrSvg } from '@/lib/qr';
import { staffAuthSecret } from '@/lib/staff/auth';
import { communesWhere } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots, staffTitle } from '../staffRequest';
import { addHelperAction, issueDeviceAction, revokeDeviceAction } from './actions';

type Props = PageProps<'/[locale]/staff/team'>;

const errors = [
  'member',
  'label',
  'not-team-member',
  'second-factor-role',
  'name',
  'username',
  'username-taken',
] as const;
type TeamError = (typeof errors)[number];
/** The field each error is said next to. */
const errorField: Record<TeamError, string> = {
  member: 'member',
  label: 'label',
  'not-team-member': 'member',
  'second-factor-role': 'member',
  name: 'name',
  username: 'username',
  'username-taken': 'username',
};

function errorOf(query: Record<string, string | string[] | undefined>): TeamError | null {
  return (errors as readonly unknown[]).includes(query.error) ? (query.error as TeamError) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.team').text('title');
  return { title: staffTitle(locale, title, errorOf(await searchParams) !== null), robots: staffRobots };
}

/**
 * The team leader's page (docs/adr/0028): the commune's helpers and their devices; add a helper, make a
 * device's enrolment QR code (shown here until it is used or expires), revoke a device. Works without
 * JavaScript like every staff form.
 */
export default async function TeamPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const mine = communesWhere(staff.grants, 'team:manage', communeIds);
  if (mine.length === 0) redirect(localePath(locale, paths.staffForbidden()));
  const db = await database();
  const team = await teamsOf(db, mine);
  const query = await searchParams;
  const error = errorOf(query);
  const t = getT(locale, 'staff.team');
  const roles = getT(locale, 'staff.roles');
  const message = error ? t(`errors.${error}`) : null;
  const field = error ? errorField[error] : null;
  const now = new Date();
  const devices = team.flatMap((member) => member.devices.map((device) => ({ device, member })));
  const waiting = devices.filter(({ device }) => deviceState(device, now) === 'waiting');
  const revoked = devices.find(({ device }) => device.id === query.revoked);
  const added = team.find((member) => member.username === query.added);
  const issued = devices.find(({ device }) => device.id === query.issued);
  return (
    <PageShell
      locale={locale}
      path={paths.staffTeam()}
      crumbs={[]}
      messageKeys={['staff.team', 'staff.roles', 'apply.errors']}
    >
      {message && field && (
        <ErrorSummary title={getT(locale, 'apply.errors')('summaryTitle')} errors={[{ field, message }]} />
      )}
      {(revoked || added || issued) && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {revoked &&
            t('revokedDone', {
              label: revoked.device.label,
              count: Math.max(0, Number(query.sessions) || 0),
            })}
          {added && t('added', { name: added.name })}
          {issued && t('issued', { label: issued.device.label })}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>

      {await Promise.all(
        waiting.map(async ({ device, member }) => {
          const token = await symmetricDecrypt({ key: staffAuthSecret(), data: device.enrolmentToken! });
          const url = `${publicOrigin()}${localePath(locale, paths.staffDevice(token))}`;
          const svg = namedSvg(await qrSvg(url), t.text('qrLabel', { label: device.label }));
          return (
            <section
              key={device.id}
              aria-labelledby={`qr-${device.id}`}
              className="mt-6 border-4 border-slate-900 p-4"
            >
              <h2 id={`qr-${device.id}`} className="text-2xl">
                {t('qrTitle', { label: device.label, name: member.name })}
              </h2>
              <div
                className="mt-2 w-64 [&>svg]:h-auto [&>svg]:w-full"
                dangerouslySetInnerHTML={{ __html: svg }}
              />
              <p className="mt-2">{t('qrLink')}</p>
              <code className="block break-all font-mono">{url}</code>
              <p className="mt-2 font-bold">
                {t('qrOnce', { time: formatDateTime(device.enrolmentExpiresAt, locale), name: member.name })}
              </p>
            </section>
          );
        }),
      )}

      {mine.map((commune) => {
        const members = team.filter((member) => member.communeId === commune);
        const headingId = `team-${commune}`;
        return (
          <section key={commune} aria-labelledby={headingId} className="mt-8">
            <h2 id={headingId} className="text-2xl">
              {communeName(commune)}
            </h2>
            {members.length === 0 ? (
              <p className="mt-2">{t('noMembers')}</p>
            ) : (
              <DataTable labelledBy={headingId} columns={[t('member'), t('role'), t('devices')]}>
                {members.map((member) => (
                  <tr key={`${member.userId}/${member.role}`} className="border-b border-slate-300 align-top">
                    <td className="py-2 pr-3">
                      {member.name} <span className="font-mono">({member.username})</span>
                    </td>
                    <td className="py-2 pr-3">{roles(member.role)}</td>
                    <td className="py-2 pr-3">
                      {member.devices.length === 0 ? (
                        t('noDevices')
                      ) : (
                        <ul className="space-y-2">
                          {member.devices.map((device) => (
                            <li key={device.id}>
                              <DeviceLine device={device} locale={locale} now={now} />
                              {!device.revokedAt && (
                                <ActionForm locale={locale} action={revokeDeviceAction} className="mt-1">
                                  <input type="hidden" name="locale" value={locale} />
                                  <input type="hidden" name="deviceId" value={device.id} />
                                  <button
                                    type="submit"
                                    className="min-h-11 rounded bg-red-800 px-3 font-bold text-white hover:bg-red-900"
                                  >
                                    {t('revoke', { label: device.label })}
                                  </button>
                                </ActionForm>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}

      <section aria-labelledby="issue-title" className="mt-10">
        <h2 id="issue-title" className="text-2xl">
          {t('issueTitle')}
        </h2>
        <ActionForm locale={locale} action={issueDeviceAction} className="mt-2">
          <input type="hidden" name="locale" value={locale} />
          <div className={`mt-4 ${field === 'member' ? 'border-l-4 border-red-700 pl-3' : ''}`}>
            <label htmlFor="member" className="block text-lg font-bold">
              {t('issueMember')}
            </label>
            {field === 'member' && <FieldError id="member-error">{message}</FieldError>}
            <select
              id="member"
              name="member"
              aria-describedby={field === 'member' ? 'member-error' : undefined}
              aria-invalid={field === 'member' ? true : undefined}
              className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-2 text-lg"
            >
              {team.map((member) => (
                <option
                  key={`${member.communeId}/${member.userId}`}
                  value={`${member.communeId}/${member.userId}`}
                >
                  {member.name} ({member.username})
                  {mine.length > 1 ? `, ${communeName(member.communeId!)}` : ''}
                </option>
              ))}
            </select>
          </div>
          <StaffField
            id="label"
            label={t('issueLabel')}
            hint={t('issueLabelHint')}
            autoComplete="off"
            maxLength={60}
            error={field === 'label' ? message : null}
          />
          <SubmitButton className="mt-6">{t('issueButton')}</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="add-title" className="mt-10">
        <h2 id="add-title" className="text-2xl">
          {t('addTitle')}
        </h2>
        <p className="mt-2">{t('addHint')}</p>
        <ActionForm locale={locale} action={addHelperAction} className="mt-2">
          <input type="hidden" name="locale" value={locale} />
          <CommuneChoice communes={mine} label={t('issueCommune')} className="mt-4" />
          <StaffField
            id="name"
            label={t('addName')}
            autoComplete="off"
            maxLength={80}
            error={field === 'name' ? message : null}
          />
          <StaffField
            id="username"
            label={t('addUsername')}
            hint={t('addUsernameHint')}
            autoComplete="off"
            maxLength={40}
            error={field === 'username' ? message : null}
          />
          <SubmitButton className="mt-6">{t('addButton')}</SubmitButton>
        </ActionForm>
      </section>
    </PageShell>
  );
}

function DeviceLine({ device, locale, now }: { device: HelperDevice; locale: Locale; now: Date }) {
  const t = getT(locale, 'staff.team');
  const label = device.label;
  switch (deviceState(device, now)) {
    case 'waiting':
      return <>{t('waiting', { label, time: formatDateTime(device.enrolmentExpiresAt, locale) })}</>;
    case 'expired':
      return <>{t('expired', { label })}</>;
    case 'revoked':
      return <>{t('revokedState', { label, date: formatDateTime(device.revokedAt!, locale) })}</>;
    case 'enrolled':
      return (
        <>
          {t('enrolled', { label, date: formatDateTime(device.enrolledAt!, locale) })}
          {device.lastUnlockedAt &&
            `, ${t.text('lastUnlocked', { date: formatDateTime(device.lastUnlockedAt, locale) })}`}
        </>
      );
  }
}
