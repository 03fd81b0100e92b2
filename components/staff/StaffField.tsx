import type { ReactNode } from 'react';
import { FieldError } from '@/components/forms/ErrorSummary';

/**
 * One labelled input of the staff forms, wired as every form of the portal is (docs/adr/0021): label,
 * hint and error joined by aria-describedby, aria-invalid on a rejected field, the error above the input.
 */
export function StaffField({
  id,
  label,
  hint,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
  defaultValue,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  type?: 'text' | 'password' | 'date';
  autoComplete: string;
  inputMode?: 'numeric';
  maxLength?: number;
  defaultValue?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="block text-lg font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-slate-700">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        defaultValue={defaultValue}
        autoCapitalize="none"
        spellCheck={false}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        className={`mt-1 min-h-12 w-full max-w-sm rounded border-2 px-3 text-xl ${error ? 'border-red-700' : 'border-slate-900'}`}
      />
    </div>
  );
}
