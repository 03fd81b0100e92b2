import type { InputHTMLAttributes, ReactNode } from 'react';
import { trackDossier } from '@/app/[locale]/track/actions';
import { province } from '@/catalogue/province';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { ActionForm } from './forms/ActionForm';
import { ErrorSummary, FieldError } from './forms/ErrorSummary';
import { SubmitButton } from './forms/SubmitButton';

export type TrackError = 'reference' | 'digits' | 'both' | 'wrong' | 'limited';

export function trackErrorFrom(value: unknown): TrackError | null {
  return typeof value === 'string' && ['reference', 'digits', 'both', 'wrong', 'limited'].includes(value)
    ? (value as TrackError)
    : null;
}

/** Reference plus the last 4 digits of the phone or ID number: the way in without the receipt's QR code. */
export function TrackForm({
  locale,
  reference,
  error,
}: {
  locale: Locale;
  reference: string;
  error: TrackError | null;
}) {
  const t = getT(locale, 'apply.track');
  const errorsT = getT(locale, 'apply.errors');
  const fieldErrors: { field: 'reference' | 'digits'; message: ReactNode }[] = [];
  if (error === 'reference' || error === 'both')
    fieldErrors.push({ field: 'reference', message: t('referenceError') });
  if (error === 'digits' || error === 'both')
    fieldErrors.push({ field: 'digits', message: t('factorError') });
  if (error === 'wrong') fieldErrors.push({ field: 'reference', message: t('wrong') });
  if (error === 'limited')
    fieldErrors.push({ field: 'reference', message: t('limited', { helpline: province.helpline.value }) });
  const errorFor = (field: string) => fieldErrors.find((e) => e.field === field);

  const input = (
    field: 'reference' | 'digits',
    label: ReactNode,
    hint: ReactNode,
    width: string,
    props: InputHTMLAttributes<HTMLInputElement>,
  ) => {
    const fieldError = errorFor(field);
    return (
      <div className={`mt-6 ${fieldError ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        <label htmlFor={field} className="block text-lg font-bold">
          {label}
        </label>
        <p id={`${field}-hint`} className="text-slate-700">
          {hint}
        </p>
        {fieldError && <FieldError id={`${field}-error`}>{fieldError.message}</FieldError>}
        <input
          id={field}
          name={field}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={fieldError ? `${field}-hint ${field}-error` : `${field}-hint`}
          aria-invalid={fieldError ? true : undefined}
          className={`mt-1 min-h-12 rounded border-2 px-3 font-mono text-xl tracking-widest ${width} ${fieldError ? 'border-red-700' : 'border-slate-900'}`}
          {...props}
        />
      </div>
    );
  };

  return (
    <>
      <ErrorSummary title={errorsT('summaryTitle')} errors={fieldErrors} />
      <ActionForm locale={locale} action={trackDossier}>
        <input type="hidden" name="locale" value={locale} />
        {input('reference', t('referenceLabel'), t('referenceHint'), 'w-full max-w-64 uppercase', {
          defaultValue: reference,
          maxLength: 20,
          autoCapitalize: 'characters',
        })}
        {input('digits', t('factorLabel'), t('factorHint'), 'w-32', {
          inputMode: 'numeric',
          pattern: '[0-9]*',
          maxLength: 4,
        })}
        <SubmitButton className="mt-6">{t('button')}</SubmitButton>
      </ActionForm>
    </>
  );
}
