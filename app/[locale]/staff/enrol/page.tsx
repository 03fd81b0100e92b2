import { ActionForm } from '@/components/forms/ActionForm';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { StaffField } from '@/components/staff/StaffField';
import { namedSvg } from '@/components/leaflet/Leaflet';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { localePath, paths } from '@/lib/paths';
import { qrSvg } from '@/lib/qr';
import { staffAuth } from '@/lib/staff/auth';
import { currentStaff } from '@/lib/staff/session';
import { pendingEnrolment } from '@/lib/staff/signIn';
import { staffRobots } from '../staffRequest';
import { confirmEnrolment } from './actions';

type Props = PageProps<'/[locale]/staff/enrol'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.enrol').text('title');
  const prefix =
    (await searchParams).error === 'invalid'
      ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} `
      : '';
  return { title: `${prefix}${title}`, robots: staffRobots };
}

/**
 * TOTP enrolment, required of admins and officers before any other staff page (lib/staff/session.ts):
 * the otpauth URI as a QR code and its secret as text (for a phone that cannot scan the screen), then
 * the first code. The secret was created at sign-in, where the password had just been typed.
 */
export default async function EnrolPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const cookies = await headers();
  const db = await database();
  const staff = await currentStaff(db, staffAuth(db), cookies);
  if (!staff) redirect(localePath(locale, paths.staffSignIn()));
  const enrolment = await pendingEnrolment(db, staff.user);
  const t = getT(locale, 'staff.enrol');
  if (!enrolment) {
    // Already on (or the pending secret is gone): nothing to scan here.
    if (!staff.secondFactorMissing) redirect(localePath(locale, paths.staffAccount()));
    redirect(localePath(locale, paths.staffSignIn()));
  }
  const failed = (await searchParams).error === 'invalid';
  const svg = namedSvg(await qrSvg(enrolment.uri), t.text('qrLabel'));
  return (
    <PageShell
      locale={locale}
      path={paths.staffEnrol()}
      crumbs={[]}
      messageKeys={['staff.enrol', 'apply.errors']}
    >
      {failed && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[{ field: 'code', message: t('invalid') }]}
        />
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <p className="mt-4">{t('scan')}</p>
      <div className="mt-2 w-56 [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="mt-4">
        {t('secret')}{' '}
        <code className="block break-all font-mono text-xl">
          {enrolment.secret.match(/.{1,4}/g)!.join(' ')}
        </code>
      </p>
      <ActionForm locale={locale} action={confirmEnrolment} className="mt-4">
        <input type="hidden" name="locale" value={locale} />
        <StaffField
          id="code"
          label={t('code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={8}
          error={failed ? t('invalid') : null}
        />
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
    </PageShell>
  );
}
