import { ActionForm } from '@/components/forms/ActionForm';
import type { Metadata } from 'next';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { StaffField } from '@/components/staff/StaffField';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { staffRobots } from '../staffRequest';
import { verifySecondFactor } from './actions';

type Props = PageProps<'/[locale]/staff/second-factor'>;

const errorOf = (query: Record<string, unknown>) =>
  query.error === 'invalid' || query.error === 'locked' ? query.error : null;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const title = getT(locale, 'staff.secondFactor').text('title');
  const prefix = errorOf(await searchParams)
    ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} `
    : '';
  return { title: `${prefix}${title}`, robots: staffRobots };
}

/** The second step of an admin's or officer's sign-in: the authenticator app's current code. */
export default async function SecondFactorPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  const error = errorOf(await searchParams);
  const t = getT(locale, 'staff.secondFactor');
  const message = error ? t(error) : null;
  return (
    <PageShell
      locale={locale}
      path={paths.staffSecondFactor()}
      crumbs={[]}
      messageKeys={['staff.secondFactor', 'apply.errors']}
    >
      {message && (
        <ErrorSummary
          title={getT(locale, 'apply.errors')('summaryTitle')}
          errors={[{ field: 'code', message }]}
        />
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <ActionForm locale={locale} action={verifySecondFactor} className="mt-4">
        <input type="hidden" name="locale" value={locale} />
        <StaffField
          id="code"
          label={t('code')}
          hint={t('hint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={8}
          error={message}
        />
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
      <p className="mt-6">
        <a href={localePath(locale, paths.staffSignIn())}>{t('expired')}</a>
      </p>
    </PageShell>
  );
}
