import { ActionForm } from '@/components/forms/ActionForm';
import type { Metadata } from 'next';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { StaffField } from '@/components/staff/StaffField';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { paths } from '@/lib/paths';
import { staffRobots } from '../staffRequest';
import { signInStaff } from './actions';

type Props = PageProps<'/[locale]/staff/sign-in'>;
type SignInError = 'invalid' | 'missing' | 'locked';

function errorOf(query: Record<string, string | string[] | undefined>): SignInError | null {
  return query.error === 'invalid' || query.error === 'missing' || query.error === 'locked'
    ? query.error
    : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.signIn').text('title');
  const prefix = errorOf(await searchParams)
    ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} `
    : '';
  return { title: `${prefix}${title}`, robots: staffRobots };
}

/** Staff sign in with a user name and password (docs/adr/0023); the error names the field it belongs to. */
export default async function StaffSignInPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const query = await searchParams;
  const error = errorOf(query);
  const t = getT(locale, 'staff.signIn');
  const minutes = Math.min(60, Math.max(1, Number(query.minutes) || 15));
  const message = error === 'locked' ? t('locked', { minutes }) : error ? t(error) : null;
  // A wrong password is said against the password, a missing or locked account against the user name.
  const field = error === 'invalid' ? 'password' : 'username';
  return (
    <PageShell
      locale={locale}
      path={paths.staffSignIn()}
      crumbs={[]}
      messageKeys={['staff.signIn', 'apply.errors']}
    >
      {message && (
        <ErrorSummary title={getT(locale, 'apply.errors')('summaryTitle')} errors={[{ field, message }]} />
      )}
      {query.signedOut === '1' && (
        <p role="status" className="mb-6 border-l-4 border-green-800 bg-green-50 p-3 font-bold">
          {t('signedOut')}
        </p>
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <ActionForm locale={locale} action={signInStaff} className="mt-4">
        <input type="hidden" name="locale" value={locale} />
        <StaffField
          id="username"
          label={t('username')}
          autoComplete="username"
          maxLength={40}
          error={field === 'username' ? message : null}
        />
        <StaffField
          id="password"
          type="password"
          label={t('password')}
          autoComplete="current-password"
          maxLength={200}
          error={field === 'password' ? message : null}
        />
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
    </PageShell>
  );
}
