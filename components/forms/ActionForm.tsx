import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { LostSignalForm } from './LostSignalForm';

/**
 * The form of every page that posts to a Server Action (question, consent, check answers, rating, start,
 * resume, tracking, and the staff forms: helpers work on a village hall's 4G): a plain `<form action>`
 * without JavaScript, and with it one that keeps what was typed and says so when the signal drops during
 * the submit (LostSignalForm, docs/adr/0024). The message is translated here, on the server, so no page
 * ships an i18n runtime for it.
 */
export function ActionForm({
  locale,
  action,
  className,
  children,
}: {
  locale: Locale;
  action: (form: FormData) => Promise<void>;
  className?: string;
  children: ReactNode;
}) {
  const t = getT(locale, 'forms');
  return (
    <LostSignalForm action={action} lostMessage={t('lostConnection')} className={className}>
      {children}
    </LostSignalForm>
  );
}
