import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { ActionForm } from '@/components/forms/ActionForm';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { StaffField } from '@/components/staff/StaffField';
import { findEnrolment } from '@/db/queries/devices';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { localePath, paths } from '@/lib/paths';
import { DEVICE_COOKIE, parseDeviceCookie, PIN_LENGTH } from '@/lib/staff/devices';
import { staffRobots } from '../staffRequest';
import { enrolDeviceAction, unlockDeviceAction } from './actions';

type Props = PageProps<'/[locale]/staff/device'>;

const errors = [
  'pin-format',
  'pin-guessable',
  'pin-mismatch',
  'invalid',
  'locked',
  'revoked',
  'not-allowed',
  'token',
] as const;
type DeviceError = (typeof errors)[number];

function errorOf(query: Record<string, string | string[] | undefined>): DeviceError | null {
  return (errors as readonly unknown[]).includes(query.error) ? (query.error as DeviceError) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const query = await searchParams;
  const t = getT(locale, 'staff.device');
  const title = typeof query.token === 'string' ? t.text('enrolTitle') : t.text('unlockTitle');
  const prefix = errorOf(query) ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} ` : '';
  return { title: `${prefix}${title}`, robots: staffRobots };
}

/**
 * A helper device (docs/adr/0028): with the QR code's token, choose a PIN to enrol it; enrolled (its
 * cookie), unlock it with the PIN; otherwise say how to get it enrolled. The errors are said next to the
 * PIN field; a revoked device is told so, and nothing on it is deleted.
 */
export default async function DevicePage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const query = await searchParams;
  const jar = await cookies();
  const t = getT(locale, 'staff.device');
  const error = errorOf(query);
  const minutes = Math.min(60, Math.max(1, Number(query.minutes) || 15));
  const message = error === 'locked' ? t('errors.locked', { minutes }) : error ? t(`errors.${error}`) : null;
  const summary = (field: string) =>
    message && (
      <ErrorSummary title={getT(locale, 'apply.errors')('summaryTitle')} errors={[{ field, message }]} />
    );
  const token = typeof query.token === 'string' ? query.token : null;
  const enrolment = token ? await findEnrolment(await database(), token) : null;
  const shell = (children: React.ReactNode) => (
    <PageShell
      locale={locale}
      path={paths.staffDevice()}
      crumbs={[]}
      messageKeys={['staff.device', 'apply.errors']}
    >
      {children}
    </PageShell>
  );

  if (token && enrolment) {
    const field = error === 'pin-mismatch' ? 'pinAgain' : 'pin';
    return shell(
      <>
        {summary(field)}
        <h1 className="text-3xl">{t('enrolTitle')}</h1>
        <p className="mt-2 max-w-prose">
          {t('enrolIntro', {
            label: enrolment.device.label,
            name: enrolment.name,
            username: enrolment.username ?? '',
          })}
        </p>
        <ActionForm locale={locale} action={enrolDeviceAction} className="mt-4">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="token" value={token} />
          <StaffField
            id="pin"
            type="password"
            inputMode="numeric"
            label={t('pin')}
            autoComplete="new-password"
            maxLength={PIN_LENGTH}
            error={field === 'pin' ? message : null}
          />
          <StaffField
            id="pinAgain"
            type="password"
            inputMode="numeric"
            label={t('pinAgain')}
            autoComplete="new-password"
            maxLength={PIN_LENGTH}
            error={field === 'pinAgain' ? message : null}
          />
          <SubmitButton className="mt-6">{t('enrolButton')}</SubmitButton>
        </ActionForm>
      </>,
    );
  }

  if (!token && parseDeviceCookie(jar.get(DEVICE_COOKIE)?.value)) {
    return shell(
      <>
        {summary('pin')}
        <h1 className="text-3xl">{t('unlockTitle')}</h1>
        <p className="mt-2">{t('unlockIntro')}</p>
        <ActionForm locale={locale} action={unlockDeviceAction} className="mt-4">
          <input type="hidden" name="locale" value={locale} />
          <StaffField
            id="pin"
            type="password"
            inputMode="numeric"
            label={t('pin')}
            autoComplete="current-password"
            maxLength={PIN_LENGTH}
            error={message}
          />
          <SubmitButton className="mt-6">{t('unlockButton')}</SubmitButton>
        </ActionForm>
      </>,
    );
  }

  // No usable token, no enrolled device here.
  const tokenProblem = token !== null || error === 'token';
  return shell(
    <>
      {tokenProblem && (
        <div role="alert" className="mb-6 border-l-4 border-red-700 bg-red-50 p-3 font-bold">
          {t('errors.token')}
        </div>
      )}
      <h1 className="text-3xl">{t('notEnrolledTitle')}</h1>
      <p className="mt-2 max-w-prose">{t('notEnrolled')}</p>
      <p className="mt-4">
        <a href={localePath(locale, paths.staffSignIn())} className="font-bold">
          {t('signIn')}
        </a>
      </p>
    </>,
  );
}
