import type { Metadata } from 'next';
import { AssistBanner } from '@/components/AssistBanner';
import { ActionForm } from '@/components/forms/ActionForm';
import { RequiredCheckbox } from '@/components/forms/Checkbox';
import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { PageShell } from '@/components/layout/PageShell';
import { localeInfo, locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { DRAFT_LIFETIME_DAYS } from '@/lib/session';
import { giveConsent } from './actions';
import { requireDraft } from '../draft';

type Props = PageProps<'/[locale]/apply/[journeyId]/consent'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const { draft } = await requireDraft(locale, (await params).journeyId);
  const title = getT(locale, 'apply.consent').text('title');
  const failed = draft.lastAttempt?.questionId === '__consent';
  return {
    title: failed ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} ${title}` : title,
  };
}

/** Explicit consent, unticked by default: the personal-data law says silence is not consent. */
export default async function ConsentPage({ params }: Props) {
  const locale = await localeFrom(params);
  const { journey, draft, assistant } = await requireDraft(locale, (await params).journeyId);
  const t = getT(locale, 'apply.consent');
  const assist = getT(locale, 'staff.assist');
  const errors = getT(locale, 'apply.errors');
  const failed = draft.lastAttempt?.questionId === '__consent';

  return (
    <PageShell
      locale={locale}
      path={paths.consent(journey.id)}
      crumbs={[]}
      messageKeys={['apply.consent', 'apply.errors', 'staff.assist']}
    >
      {draft.assistedBy && <AssistBanner locale={locale} />}
      {failed && (
        <ErrorSummary title={errors('summaryTitle')} errors={[{ field: 'consent', message: t('error') }]} />
      )}
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-3">{t('intro')}</p>
      <p className="mt-2 font-bold">{t('what')}</p>
      <p className="mt-3">{t('why')}</p>
      <p className="mt-3">{t('keep', { days: DRAFT_LIFETIME_DAYS })}</p>
      <p className="mt-3 text-sm">{t('law')}</p>
      <ActionForm locale={locale} action={giveConsent} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="journeyId" value={journey.id} />
        {assistant && (
          // Read aloud in the villager's language: the helper says which, and confirms they agreed.
          <div className="mb-6">
            <label htmlFor="readIn" className="block text-lg font-bold">
              {assist('readIn')}
            </label>
            <select
              id="readIn"
              name="readIn"
              defaultValue={locale}
              className="mt-1 min-h-12 w-full max-w-sm rounded border-2 border-slate-900 px-2 text-lg"
            >
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {localeInfo[l].autonym}
                </option>
              ))}
            </select>
          </div>
        )}
        <RequiredCheckbox
          name="consent"
          label={assistant ? assist('readAloud') : t('checkbox')}
          error={failed ? t('error') : undefined}
        />
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
      <p className="mt-6">
        <a href={localePath(locale, paths.procedure(journey.id))}>{getT(locale, 'comingSoon')('back')}</a>
      </p>
    </PageShell>
  );
}
